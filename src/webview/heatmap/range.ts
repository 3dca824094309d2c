/**
 * Colour ranges that a few outliers cannot wash out. Pure.
 *
 * The full finite range is used unless outliers stretch it. With the central quantiles lo_q = Q(0.001) and
 * hi_q = Q(0.999) (nearest-rank order statistics of the finite values, or of an evenly strided sample of at
 * most SAMPLE_SIZE of them; never the minimum or maximum itself; none below MIN_VALUES finite values) and the central span s = hi_q − lo_q, values beyond a fence are outliers:
 * - sequential: fences lo_q − s and hi_q + s; an end with outliers beyond its fence moves in to the most
 *   extreme value inside the fence;
 * - diverging (symmetric around 0): fence F = 2·max(|lo_q|, |hi_q|); when some |x| > F, L = the largest |x| ≤ F.
 * Only the outliers are then painted in the end colours; they are counted, and the view rings their cells and
 * says so, so a single spike stays findable without turning everything else into one colour. Ordinary data
 * (a normal sample of a million: max ≈ 4.9σ, fences ≈ 6.2σ) keeps its full range.
 */

export const SAMPLE_SIZE = 100_000;
/** Fewer finite values than this never count as having outliers (the quantiles of a handful say little). */
export const MIN_VALUES = 20;
export const LOW_Q = 0.001;
export const HIGH_Q = 0.999;

/**
 * The central quantiles [Q(LOW_Q), Q(HIGH_Q)] of the finite values (nearest rank, but at most the second
 * smallest / second largest value); undefined with fewer than MIN_VALUES finite values.
 */
export function centralQuantiles(values: ArrayLike<number>): [number, number] | undefined {
  const n = values.length;
  const stride = Math.max(1, Math.ceil(n / SAMPLE_SIZE));
  const sample = new Float64Array(Math.ceil(n / stride));
  let m = 0;
  for (let i = 0; i < n; i += stride) {
    const v = values[i];
    if (v - v === 0) {
      sample[m++] = v;
    }
  }
  if (m < MIN_VALUES) {
    return undefined;
  }
  const sorted = sample.subarray(0, m).sort();
  // Nearest rank, but never the extreme itself (so one spike in a small matrix counts as an outlier).
  return [sorted[Math.max(1, Math.round(LOW_Q * (m - 1)))], sorted[Math.min(m - 2, Math.round(HIGH_Q * (m - 1)))]];
}

export interface SequentialRange {
  readonly lo: number;
  readonly hi: number;
  /** Whether an end was pulled in from the full range (values beyond it are clamped). */
  readonly clipped: boolean;
}

/**
 * The colour range of a sequential map over the finite `values` with finite extremes min/max and central
 * quantiles `q` (see the module note); [0, 0] when nothing is finite.
 */
export function sequentialRange(
  values: ArrayLike<number>,
  min: number,
  max: number,
  q: [number, number] | undefined,
): SequentialRange {
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    return { lo: 0, hi: 0, clipped: false };
  }
  if (!q || !(q[1] > q[0])) {
    return { lo: min, hi: max, clipped: false };
  }
  const s = q[1] - q[0];
  const fenceLo = q[0] - s;
  const fenceHi = q[1] + s;
  if (min >= fenceLo && max <= fenceHi) {
    return { lo: min, hi: max, clipped: false };
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v >= fenceLo && v <= fenceHi) {
      if (v < lo) {
        lo = v;
      }
      if (v > hi) {
        hi = v;
      }
    }
  }
  return { lo, hi, clipped: true };
}

export interface DivergingRange {
  /** The half-width L of [−L, L]. */
  readonly limit: number;
  readonly clipped: boolean;
}

/**
 * The symmetric colour range of a diverging map over the finite `values` with finite extremes min/max and
 * central quantiles `q` (see the module note); 0 when nothing is finite.
 */
export function divergingRange(
  values: ArrayLike<number>,
  min: number,
  max: number,
  q: [number, number] | undefined,
): DivergingRange {
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    return { limit: 0, clipped: false };
  }
  const full = Math.max(Math.abs(min), Math.abs(max));
  const fence = q ? 2 * Math.max(Math.abs(q[0]), Math.abs(q[1])) : 0;
  if (!(fence > 0) || full <= fence) {
    return { limit: full, clipped: false };
  }
  let limit = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const a = v < 0 ? -v : v;
    if (a <= fence && a > limit) {
      limit = a;
    }
  }
  return { limit, clipped: true };
}

/** How many finite values lie below lo and above hi. */
export function countOutside(values: ArrayLike<number>, lo: number, hi: number): { below: number; above: number } {
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) {
      if (v !== -Infinity) {
        below++;
      }
    } else if (v > hi && v !== Infinity) {
      above++;
    }
  }
  return { below, above };
}
