/**
 * Fixed colours for values a palette cannot place. They are fully saturated primaries/secondaries that no
 * palette here contains (checked by the tests against every LUT entry, with a margin), so a NaN or an
 * infinity can never be mistaken for data:
 * - NaN: magenta `#ff00ff`
 * - +∞: lime `#00ff00`
 * - −∞: cyan `#00ffff`
 */

/** An opaque or translucent colour as bytes [r, g, b, a], each 0–255. */
export type Rgba = readonly [number, number, number, number];

export const NAN_COLOR: Rgba = [255, 0, 255, 255];
export const POS_INF_COLOR: Rgba = [0, 255, 0, 255];
export const NEG_INF_COLOR: Rgba = [0, 255, 255, 255];

/** The colours painted for non-finite values; any may be overridden (e.g. transparent NaN). */
export interface SpecialColors {
  readonly nan: Rgba;
  readonly posInf: Rgba;
  readonly negInf: Rgba;
}

export const SPECIAL_COLORS: SpecialColors = { nan: NAN_COLOR, posInf: POS_INF_COLOR, negInf: NEG_INF_COLOR };

/** `#rrggbb` for an opaque colour, `rgba(r, g, b, a)` (a in [0, 1], 3 decimals) otherwise. */
export function rgbaToCss(c: Rgba): string {
  if (c[3] === 255) {
    return "#" + hex2(c[0]) + hex2(c[1]) + hex2(c[2]);
  }
  return `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${Math.round((c[3] / 255) * 1000) / 1000})`;
}

function hex2(v: number): string {
  const b = Math.min(255, Math.max(0, Math.round(v)));
  return (b < 16 ? "0" : "") + b.toString(16);
}
