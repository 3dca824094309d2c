/**
 * Painting numbers into an RGBA byte buffer (the layout of ImageData.data: 4 bytes per value, row-major),
 * through a baked LUT: one pass, no allocation and no string per value.
 *
 * Mapping of a finite value v onto [lo, hi]: t = (v − lo) / (hi − lo), clamped to [0, 1] (clamped values are
 * counted, never dropped silently), then the LUT entry {@link lutIndex}(kind, t). When hi = lo every finite
 * value takes t = 0.5 (the centre of a diverging map, the middle of a sequential one). NaN, +∞ and −∞ take
 * the fixed colours of {@link SpecialColors} (defaults in ./special).
 */
import type { Colormap } from "./lut";
import { SPECIAL_COLORS, type SpecialColors } from "./special";

/** What a paint call did: the value range used and how many values fell outside it or were not finite. */
export interface PaintResult {
  readonly lo: number;
  readonly hi: number;
  /** Finite values below lo (painted as t = 0) and above hi (painted as t = 1). */
  readonly below: number;
  readonly above: number;
  readonly nan: number;
  readonly posInf: number;
  readonly negInf: number;
}

/** Minimum and maximum over the finite values and how many there are; min = max = NaN when count = 0. */
export function finiteExtent(values: ArrayLike<number>): { min: number; max: number; count: number } {
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v === 0) {
      // finite (NaN − NaN and ∞ − ∞ are NaN)
      count++;
      if (v < min) {
        min = v;
      }
      if (v > max) {
        max = v;
      }
    }
  }
  return count === 0 ? { min: NaN, max: NaN, count } : { min, max, count };
}

/** max |v| over the finite values: the half-width of a diverging map's symmetric range; 0 if none are finite. */
export function symmetricLimit(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v === 0) {
      const a = v < 0 ? -v : v;
      if (a > m) {
        m = a;
      }
    }
  }
  return m;
}

/**
 * Paint `values` with a range symmetric around 0, [−limit, limit], so that 0 is the palette's centre
 * (for a diverging LUT exactly its neutral colour). `limit` defaults to max |v| over the finite values; a
 * given limit must be finite and ≥ 0 (values beyond it are clamped to the end colours and counted).
 * Writes `out[4i .. 4i + 3]` for each value i; `out` must hold at least 4 × values.length bytes.
 */
export function paintDiverging(
  values: ArrayLike<number>,
  out: Uint8ClampedArray,
  cmap: Colormap,
  limit?: number,
  special: SpecialColors = SPECIAL_COLORS,
): PaintResult {
  const m = limit === undefined ? symmetricLimit(values) : limit;
  if (!(m >= 0) || m === Infinity) {
    throw new RangeError(`diverging limit must be finite and >= 0, got ${limit}`);
  }
  return paintRange(values, out, cmap, -m, m, special);
}

/**
 * Paint `values` over [lo, hi] (defaults: the finite minimum and maximum of the data; when no value is
 * finite, [0, 0]). Given bounds must be finite with lo ≤ hi; values outside are clamped to the end colours
 * and counted. Writes `out[4i .. 4i + 3]`; `out` must hold at least 4 × values.length bytes.
 */
export function paintSequential(
  values: ArrayLike<number>,
  out: Uint8ClampedArray,
  cmap: Colormap,
  lo?: number,
  hi?: number,
  special: SpecialColors = SPECIAL_COLORS,
): PaintResult {
  let a = lo;
  let b = hi;
  if (a === undefined || b === undefined) {
    const e = finiteExtent(values);
    a ??= e.count > 0 ? e.min : 0;
    b ??= e.count > 0 ? e.max : a;
  }
  if (!Number.isFinite(a) || !Number.isFinite(b) || a > b) {
    throw new RangeError(`sequential range must be finite with lo <= hi, got [${a}, ${b}]`);
  }
  return paintRange(values, out, cmap, a, b, special);
}

/** Packs a colour's bytes into one word in the platform's byte order (so a 32-bit store writes r, g, b, a). */
function packRgba(c: readonly number[]): number {
  const bytes = new Uint8ClampedArray([c[0], c[1], c[2], c[3]]);
  return new Uint32Array(bytes.buffer)[0];
}

/**
 * The shared loop: finite v → LUT entry for t = (v − lo) / (hi − lo); non-finite → special colours.
 * Each pixel is one 32-bit store of a LUT word (byte order is preserved, as both are views of RGBA bytes);
 * the position x = (v − lo) · (K / (hi − lo)) with K = 255 (sequential) or 254 (diverging) is computed with a
 * precomputed factor, the division is used only when that factor is not finite (a subnormal range width).
 */
function paintRange(
  values: ArrayLike<number>,
  out: Uint8ClampedArray,
  cmap: Colormap,
  lo: number,
  hi: number,
  special: SpecialColors,
): PaintResult {
  const n = values.length;
  if (out.length < 4 * n) {
    throw new RangeError(`output buffer holds ${out.length} bytes, ${4 * n} needed`);
  }
  const aligned = out.byteOffset % 4 === 0;
  const out32 = aligned ? new Uint32Array(out.buffer, out.byteOffset, n) : new Uint32Array(n);
  const words = new Uint32Array(cmap.rgba.buffer, cmap.rgba.byteOffset, cmap.rgba.length / 4);
  const diverging = cmap.kind === "diverging";
  const K = diverging ? 254 : 255;
  // Entry by k = round(x), no branch per value. Diverging: entry k for x ≤ 127, k + 1 above; only k = 127 has
  // x on both sides, and entries 127 and 128 are both the centre colour, so the entry depends on k alone.
  const table = diverging ? new Uint32Array(255) : words;
  if (diverging) {
    for (let k = 0; k < 255; k++) {
      table[k] = words[k <= 127 ? k : k + 1];
    }
  }
  // Work on halves when hi − lo overflows to ∞ (lo = −1e308, hi = 1e308); x is unchanged by the scaling.
  const s = hi - lo === Infinity ? 0.5 : 1;
  const loS = lo * s;
  const spanS = hi * s - loS;
  const factor = spanS > 0 ? K / spanS : 0;
  const useFactor = factor > 0 && factor < Infinity;
  const nanWord = packRgba(special.nan);
  const posWord = packRgba(special.posInf);
  const negWord = packRgba(special.negInf);
  let below = 0;
  let above = 0;
  let nan = 0;
  let posInf = 0;
  let negInf = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v - v === 0) {
      let x = spanS > 0 ? (useFactor ? (v * s - loS) * factor : (K * (v * s - loS)) / spanS) : K / 2;
      if (x < 0) {
        below++;
        x = 0;
      } else if (x > K) {
        above++;
        x = K;
      }
      // sequential: round(255 t); diverging: round(254 t) for t ≤ 0.5, 1 + round(254 t) above (see lutIndex)
      out32[i] = table[(x + 0.5) | 0];
    } else if (v !== v) {
      nan++;
      out32[i] = nanWord;
    } else if (v > 0) {
      posInf++;
      out32[i] = posWord;
    } else {
      negInf++;
      out32[i] = negWord;
    }
  }
  if (!aligned) {
    out.set(new Uint8ClampedArray(out32.buffer), 0);
  }
  return { lo, hi, below, above, nan, posInf, negInf };
}
