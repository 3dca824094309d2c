/**
 * A y-range for a plot that shows the shape of the data without letting a few huge samples (a derivative
 * blowing up near a pole, an overflow) squash everything else flat.
 */

export interface RobustRangeOptions {
  /** Quantiles that define the core of the data (default 0.05 and 0.95). */
  readonly lowQuantile?: number;
  readonly highQuantile?: number;
  /** Samples further than `fence` × (core width) beyond the core are left outside (default 1). */
  readonly fence?: number;
  /** Pull 0 into the range when that widens it by at most this fraction of its width (default 1). */
  readonly includeZeroWithin?: number;
  /** Margin added on each side, as a fraction of the width (default 0.06). */
  readonly margin?: number;
}

/**
 * [lo, hi] for plotting the finite values of `values`:
 * 1. core = [q_low, q_high] (nearest-rank quantiles of the finite values), w = its width (or max(|q|, 1)
 *    when the core is a single value);
 * 2. lo = max(min, q_low − fence·w), hi = min(max, q_high + fence·w): the data's own extent, cut at the
 *    fences (so a smooth curve is shown whole and a spike is clipped);
 * 3. 0 joins the range if it lies within includeZeroWithin × (hi − lo) of it (activations are read
 *    against 0; for constant data the width counts as max(|v|, 1), so a constant is shown against 0);
 * 4. margin × (hi − lo) on each side; a zero-width range becomes [v − 1, v + 1].
 * No finite values gives [−1, 1].
 */
export function robustRange(values: readonly number[], options: RobustRangeOptions = {}): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) {
    return [-1, 1];
  }
  const q = (p: number): number => finite[Math.min(finite.length - 1, Math.max(0, Math.round(p * (finite.length - 1))))];
  const qlo = q(options.lowQuantile ?? 0.05);
  const qhi = q(options.highQuantile ?? 0.95);
  const fence = options.fence ?? 1;
  let w = qhi - qlo;
  if (!(w > 0) || w === Infinity) {
    w = Math.max(Math.abs(qlo), Math.abs(qhi), 1);
    if (w === Infinity) {
      w = Number.MAX_VALUE;
    }
  }
  let lo = Math.max(finite[0], qlo - fence * w);
  let hi = Math.min(finite[finite.length - 1], qhi + fence * w);
  const zeroWithin = options.includeZeroWithin ?? 1;
  // A constant is measured against its own size, so a constant curve is drawn against 0.
  const width = hi > lo ? hi - lo : Math.max(Math.abs(lo), 1);
  if (lo > 0 && lo <= zeroWithin * width) {
    lo = 0;
  } else if (hi < 0 && -hi <= zeroWithin * width) {
    hi = 0;
  }
  if (hi === lo) {
    return [lo - 1, hi + 1];
  }
  const pad = (options.margin ?? 0.06) * (hi / 2 - lo / 2) * 2;
  return [Math.max(-Number.MAX_VALUE, lo - pad), Math.min(Number.MAX_VALUE, hi + pad)];
}

/** Largest |x| an x range is widened to: keeps hi − lo finite, so sampling across it never overflows. */
export const MAX_ABS_X = 1e300;

/**
 * The x range `base` widened to show values from `min` to `max` (the finite extent of some data; NaN or ±∞
 * are ignored), with a margin of 5 % of their spread (at least 0.5) on each side, and clamped to ±MAX_ABS_X.
 */
export function rangeCovering(base: readonly [number, number], min: number, max: number): [number, number] {
  let [lo, hi] = base;
  if (Number.isFinite(min) && Number.isFinite(max) && min <= max) {
    const pad = Math.max(0.5, 0.05 * (max / 2 - min / 2) * 2);
    lo = Math.min(lo, min - pad);
    hi = Math.max(hi, max + pad);
  }
  return [Math.max(lo, -MAX_ABS_X), Math.min(hi, MAX_ABS_X)];
}
