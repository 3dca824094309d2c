export {
  PALETTES,
  DEFAULT_DIVERGING,
  DEFAULT_SEQUENTIAL,
  colormapNames,
  paletteSpec,
  parseD3Color,
} from "./palettes";
export type { ColormapKind, ColormapName, PaletteSpec } from "./palettes";
export { LUT_SIZE, colormap, cssColor, cssGradient, isColormapName, lut, lutIndex, lutT } from "./lut";
export type { Colormap } from "./lut";
export { NAN_COLOR, NEG_INF_COLOR, POS_INF_COLOR, SPECIAL_COLORS, rgbaToCss } from "./special";
export type { Rgba, SpecialColors } from "./special";
export { finiteExtent, paintDiverging, paintSequential, symmetricLimit } from "./paint";
export type { PaintResult } from "./paint";
export { colorbarPosition, colorbarTicks } from "./colorbar";
