/**
 * The palettes Activation Lens offers, each a d3-scale-chromatic interpolator t ∈ [0, 1] → CSS colour.
 *
 * Diverging palettes are for signed data (pre-activations), always centred at 0. They are oriented so that
 * negative values take the cool end and positive values the warm end: `RdBu` and `Spectral` are reversed
 * from d3 (d3 puts red at t = 0); `PuOr` (purple < 0, orange > 0), `BrBG` (brown < 0, teal > 0) and `PiYG`
 * (pink < 0, green > 0) keep d3's orientation. Sequential palettes are for one-signed data (post-activations).
 */
import {
  interpolateBlues,
  interpolateBrBG,
  interpolateCividis,
  interpolateGreys,
  interpolateInferno,
  interpolateMagma,
  interpolatePiYG,
  interpolatePlasma,
  interpolatePuOr,
  interpolateRdBu,
  interpolateSpectral,
  interpolateViridis,
} from "d3-scale-chromatic";

export type ColormapKind = "diverging" | "sequential";

export interface PaletteSpec {
  readonly name: string;
  readonly label: string;
  readonly kind: ColormapKind;
  /** d3's interpolator, t ∈ [0, 1] → `#rrggbb` or `rgb(r, g, b)`. */
  readonly interpolate: (t: number) => string;
  /** True when the LUT runs the interpolator from t = 1 down to t = 0. */
  readonly reversed: boolean;
}

/** Every palette, diverging first; the first of each kind is that kind's default. */
export const PALETTES = [
  { name: "RdBu", label: "Red–Blue (blue < 0 < red)", kind: "diverging", interpolate: interpolateRdBu, reversed: true },
  { name: "PuOr", label: "Purple–Orange", kind: "diverging", interpolate: interpolatePuOr, reversed: false },
  { name: "BrBG", label: "Brown–Teal", kind: "diverging", interpolate: interpolateBrBG, reversed: false },
  { name: "PiYG", label: "Pink–Green", kind: "diverging", interpolate: interpolatePiYG, reversed: false },
  { name: "Spectral", label: "Spectral (blue < 0 < red)", kind: "diverging", interpolate: interpolateSpectral, reversed: true },
  { name: "viridis", label: "Viridis", kind: "sequential", interpolate: interpolateViridis, reversed: false },
  { name: "magma", label: "Magma", kind: "sequential", interpolate: interpolateMagma, reversed: false },
  { name: "inferno", label: "Inferno", kind: "sequential", interpolate: interpolateInferno, reversed: false },
  { name: "plasma", label: "Plasma", kind: "sequential", interpolate: interpolatePlasma, reversed: false },
  { name: "cividis", label: "Cividis", kind: "sequential", interpolate: interpolateCividis, reversed: false },
  { name: "blues", label: "Blues", kind: "sequential", interpolate: interpolateBlues, reversed: false },
  { name: "greys", label: "Greys", kind: "sequential", interpolate: interpolateGreys, reversed: false },
] as const satisfies readonly PaletteSpec[];

export type ColormapName = (typeof PALETTES)[number]["name"];

export const DEFAULT_DIVERGING: ColormapName = "RdBu";
export const DEFAULT_SEQUENTIAL: ColormapName = "viridis";

/** Palette names of one kind (or all), in menu order. */
export function colormapNames(kind?: ColormapKind): ColormapName[] {
  return PALETTES.filter((p) => kind === undefined || p.kind === kind).map((p) => p.name);
}

/** The spec for a name, case-insensitive (`rdbu`, `Viridis`); undefined if unknown. */
export function paletteSpec(name: string): PaletteSpec | undefined {
  const lower = name.toLowerCase();
  return PALETTES.find((p) => p.name.toLowerCase() === lower);
}

/** Parses d3's two output forms, `#rrggbb` and `rgb(r, g, b)`, to [r, g, b]; throws on anything else. */
export function parseD3Color(css: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) {
    return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  }
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(css);
  if (rgb) {
    return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  }
  throw new Error(`unexpected colour from d3-scale-chromatic: ${css}`);
}
