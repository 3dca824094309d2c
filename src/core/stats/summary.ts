/**
 * One-pass summaries of typed arrays: count, min, max, mean, standard deviation, and the non-finite values,
 * which are counted separately and excluded from every moment.
 *
 * Moments are accumulated in float64 on shifted values (d = x − K, K = the first finite value):
 *   mean = K + Σd/n,  variance = (Σd² − (Σd)²/n)/n,
 * which avoids the cancellation of Σx² − (Σx)²/n when |mean| ≫ std. `std` is the population standard deviation
 * (divisor n, numpy's default `ddof=0`; note `torch.std` defaults to the unbiased divisor n − 1).
 */

/** Float32Array or Float64Array: the numeric arrays the core summarises. */
export type NumericArray = Float32Array | Float64Array;

/** NaN, +∞ and −∞ counts (excluded from moments, histograms and fractions). */
export interface NonFiniteCounts {
  readonly nan: number;
  readonly posInf: number;
  readonly negInf: number;
}

export interface Summary {
  /** Number of finite values (the moments' n). */
  readonly count: number;
  /** min and max of the finite values; NaN when there are none. */
  readonly min: number;
  readonly max: number;
  /** Mean of the finite values; NaN when there are none. */
  readonly mean: number;
  /** Population standard deviation √(Σ(x − mean)²/n) of the finite values; NaN when there are none. */
  readonly std: number;
  readonly nonFinite: NonFiniteCounts;
}

/**
 * Streaming accumulator behind {@link summarize}: `add(x)` per value (no allocation), `finish()` once.
 * Exposed so that fused loops (layer statistics) can summarise values they compute on the fly.
 */
const SCALE_DOWN = 2 ** -600;
const SCALE_UP = 2 ** 600;

export class SummaryAccumulator {
  private n = 0;
  private shift = 0;
  // Sums of d = x/2 − shift/2 (halving keeps every difference finite, even for ±1.8e308). Σd is kept
  // plainly and, for when it overflows, scaled by 2^-600; Σd² is kept as scale²·ssq (LAPACK dnrm2's
  // scaled sum of squares), which neither overflows nor underflows at any magnitude.
  private s1 = 0;
  private s1Big = 0;
  private scale = 0;
  private ssq = 1;
  private lo = Infinity;
  private hi = -Infinity;
  private nan = 0;
  private posInf = 0;
  private negInf = 0;

  /** Adds one value: NaN/±∞ are counted, finite values enter the moments. */
  add(x: number): void {
    if (x !== x) {
      this.nan++;
      return;
    }
    if (x === Infinity) {
      this.posInf++;
      return;
    }
    if (x === -Infinity) {
      this.negInf++;
      return;
    }
    if (this.n === 0) {
      this.shift = x;
    }
    this.n++;
    const d = 0.5 * x - 0.5 * this.shift;
    this.s1 += d;
    this.s1Big += d * SCALE_DOWN;
    const a = Math.abs(d);
    if (a > 0) {
      if (a > this.scale) {
        const r = this.scale / a;
        this.ssq = 1 + this.ssq * r * r;
        this.scale = a;
      } else {
        const r = a / this.scale;
        this.ssq += r * r;
      }
    }
    if (x < this.lo) {
      this.lo = x;
    }
    if (x > this.hi) {
      this.hi = x;
    }
  }

  /** The summary of every value added so far. */
  finish(): Summary {
    const n = this.n;
    const nonFinite = { nan: this.nan, posInf: this.posInf, negInf: this.negInf };
    if (n === 0) {
      return { count: 0, min: NaN, max: NaN, mean: NaN, std: NaN, nonFinite };
    }
    // Moments in halved units (d = x/2 − shift/2): mean of d, then var = Σd²/n − m1² in units of `scale`.
    const m1 = Number.isFinite(this.s1) ? this.s1 / n : (this.s1Big / n) * SCALE_UP;
    const std = this.scale === 0 ? 0 : this.scale * Math.sqrt(Math.max(0, this.ssq / n - (m1 / this.scale) ** 2)) * 2;
    let mean = this.shift + 2 * m1;
    // Rounding can push the mean a hair outside [min, max] (e.g. all values equal): clamp.
    mean = Math.min(this.hi, Math.max(this.lo, mean));
    return { count: n, min: this.lo, max: this.hi, mean, std, nonFinite };
  }
}

/** {@link Summary} of every value of `values` (one pass). */
export function summarize(values: NumericArray): Summary {
  const acc = new SummaryAccumulator();
  for (let i = 0; i < values.length; i++) {
    acc.add(values[i]);
  }
  return acc.finish();
}

/** Per-unit (per-column) statistics of a rows × units row-major matrix, each array of length `units`. */
export interface UnitStats {
  readonly units: number;
  /** Finite values per unit. */
  readonly count: Uint32Array;
  readonly mean: Float64Array;
  /** Population standard deviation per unit (divisor = count). */
  readonly std: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** Fraction of the unit's finite values that are exactly 0 (±0); NaN when the unit has no finite values. */
  readonly zeroFraction: Float64Array;
}

/** Checks a rows × units shape against an array length; throws RangeError when they disagree. */
export function checkShape(length: number, rows: number, units: number): void {
  if (!Number.isInteger(rows) || !Number.isInteger(units) || rows < 0 || units < 0) {
    throw new RangeError(`shape must be non-negative integers (got ${rows} × ${units})`);
  }
  if (rows * units !== length) {
    throw new RangeError(`shape ${rows} × ${units} = ${rows * units} does not match ${length} values`);
  }
}

/**
 * Per-unit count/mean/std/min/max/zero fraction of a row-major rows × units matrix, in one row-major pass
 * (shifted sums per unit, shift = the unit's first finite value). Non-finite values are skipped.
 */
export function unitStats(values: NumericArray, rows: number, units: number): UnitStats {
  checkShape(values.length, rows, units);
  const count = new Uint32Array(units);
  const shift = new Float64Array(units);
  const s1 = new Float64Array(units);
  const s2 = new Float64Array(units);
  const min = new Float64Array(units).fill(Infinity);
  const max = new Float64Array(units).fill(-Infinity);
  const zeros = new Uint32Array(units);
  for (let r = 0, i = 0; r < rows; r++) {
    for (let u = 0; u < units; u++, i++) {
      const x = values[i];
      if (x - x !== 0) {
        continue; // NaN or ±∞
      }
      if (count[u] === 0) {
        shift[u] = x;
      }
      count[u]++;
      const d = x - shift[u];
      s1[u] += d;
      s2[u] += d * d;
      if (x < min[u]) {
        min[u] = x;
      }
      if (x > max[u]) {
        max[u] = x;
      }
      if (x === 0) {
        zeros[u]++;
      }
    }
  }
  const mean = new Float64Array(units);
  const std = new Float64Array(units);
  const zeroFraction = new Float64Array(units);
  for (let u = 0; u < units; u++) {
    const n = count[u];
    if (n === 0) {
      mean[u] = std[u] = min[u] = max[u] = zeroFraction[u] = NaN;
      continue;
    }
    const m1 = s1[u] / n;
    mean[u] = Math.min(max[u], Math.max(min[u], shift[u] + m1));
    std[u] = Math.sqrt(Math.max(0, s2[u] / n - m1 * m1));
    zeroFraction[u] = zeros[u] / n;
  }
  return { units, count, mean, std, min, max, zeroFraction };
}
