/**
 * Colormaps baked into 256-entry RGBA lookup tables (ImageData byte layout), one per palette, made on first
 * use and cached.
 *
 * Sequential LUT: entry i holds the palette at t = i / 255 (both ends exact).
 * Diverging LUT: baked in two halves so that the centre is exact: entry i holds t = i / 254 for i ≤ 127 and
 * t = (i − 1) / 254 for i ≥ 128, so entries 0 and 255 are the ends and entries 127 and 128 are both the
 * palette's centre (t = 0.5). {@link lutIndex} maps t ≤ 0.5 into entries 0–127 and t > 0.5 into 128–255: a
 * value of exactly 0 paints the neutral centre colour and rounding never moves a value across it.
 */
import { type ColormapKind, type ColormapName, PALETTES, paletteSpec, parseD3Color } from "./palettes";
import { rgbaToCss } from "./special";

export const LUT_SIZE = 256;

export interface Colormap {
  readonly name: ColormapName;
  readonly label: string;
  readonly kind: ColormapKind;
  /** Whether the LUT runs d3's interpolator from t = 1 to t = 0. */
  readonly reversed: boolean;
  /** LUT_SIZE entries × [r, g, b, a], a = 255. Shared and cached: do not write into it. */
  readonly rgba: Uint8ClampedArray;
}

/** The palette position t ∈ [0, 1] that LUT entry `i` (0–255) holds, for a LUT of `kind` (see above). */
export function lutT(kind: ColormapKind, i: number): number {
  if (kind === "sequential") {
    return i / 255;
  }
  return i <= 127 ? i / 254 : (i - 1) / 254;
}

/**
 * The LUT entry for palette position t: t is clamped to [0, 1]; sequential → round(255 t); diverging →
 * round(254 t) for t ≤ 0.5, 1 + round(254 t) above (see the module note). NaN t gives entry 0.
 */
export function lutIndex(kind: ColormapKind, t: number): number {
  if (!(t > 0)) {
    return 0;
  }
  if (t >= 1) {
    return 255;
  }
  if (kind === "sequential") {
    return Math.round(255 * t);
  }
  return t <= 0.5 ? Math.round(254 * t) : 1 + Math.round(254 * t);
}

const cache = new Map<ColormapName, Colormap>();

/** True for a known palette name (case-insensitive). */
export function isColormapName(name: string): boolean {
  return paletteSpec(name) !== undefined;
}

/**
 * The baked colormap for `name` (case-insensitive), cached. Entry i is d3's interpolator at lutT(kind, i),
 * or at 1 − lutT(kind, i) for reversed palettes. Throws for an unknown name.
 */
export function colormap(name: string): Colormap {
  const spec = paletteSpec(name);
  if (!spec) {
    throw new Error(`unknown colormap "${name}"; known: ${PALETTES.map((p) => p.name).join(", ")}`);
  }
  const key = spec.name as ColormapName;
  const hit = cache.get(key);
  if (hit) {
    return hit;
  }
  const rgba = new Uint8ClampedArray(LUT_SIZE * 4);
  for (let i = 0; i < LUT_SIZE; i++) {
    const t = lutT(spec.kind, i);
    const [r, g, b] = parseD3Color(spec.interpolate(spec.reversed ? 1 - t : t));
    rgba[4 * i] = r;
    rgba[4 * i + 1] = g;
    rgba[4 * i + 2] = b;
    rgba[4 * i + 3] = 255;
  }
  const made: Colormap = { name: key, label: spec.label, kind: spec.kind, reversed: spec.reversed, rgba };
  cache.set(key, made);
  return made;
}

/** The raw RGBA table of {@link colormap}(name): 256 × 4 bytes. */
export function lut(name: string): Uint8ClampedArray {
  return colormap(name).rgba;
}

/** CSS colour (`#rrggbb`) of the LUT entry for palette position t ∈ [0, 1] (clamped), for legends. */
export function cssColor(cmap: Colormap, t: number): string {
  const i = lutIndex(cmap.kind, t);
  const d = cmap.rgba;
  return rgbaToCss([d[4 * i], d[4 * i + 1], d[4 * i + 2], 255]);
}

/**
 * A CSS `linear-gradient(to <direction>, …)` through `stops` evenly spaced LUT colours (default 16, at least 2),
 * for a colour-bar legend: `to right` goes from t = 0 (left) to t = 1 (right); `to top` from bottom to top.
 */
export function cssGradient(cmap: Colormap, stops = 16, direction: "right" | "top" = "right"): string {
  const n = Math.max(2, Math.round(stops));
  const parts: string[] = [];
  for (let k = 0; k < n; k++) {
    const t = k / (n - 1);
    parts.push(`${cssColor(cmap, t)} ${Math.round(t * 10000) / 100}%`);
  }
  return `linear-gradient(to ${direction}, ${parts.join(", ")})`;
}
