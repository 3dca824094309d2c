/**
 * Histograms of typed arrays with fixed or automatic bin counts.
 *
 * Bins follow numpy.histogram: `bins` equal-width bins over [lo, hi], each half-open [eᵢ, eᵢ₊₁) except the
 * last, which includes hi. Values outside [lo, hi] are counted as underflow/overflow; NaN and ±∞ are excluded
 * (count them with {@link summarize}). A degenerate range lo = hi becomes [lo − 0.5, hi + 0.5], as in numpy.
 */
import { summarize, type NumericArray } from "./summary";

/** A bin count, or `'auto'` (see {@link autoBinCount}). */
export type BinSpec = number | "auto";

export interface Histogram {
  /** bins + 1 edges, edges[0] = lo, edges[bins] = hi. */
  readonly edges: Float64Array;
  /** Counts per bin. */
  readonly counts: Uint32Array;
  /** Finite values below lo / above hi (only non-zero with an explicit range). */
  readonly underflow: number;
  readonly overflow: number;
}

export interface HistogramOptions {
  /** Default `'auto'`. */
  readonly bins?: BinSpec;
  /** [lo, hi]; default [min, max] of the finite values. */
  readonly range?: readonly [number, number];
  /** Upper limit for automatic bin counts. Default 256. */
  readonly maxBins?: number;
}

/** Default cap of automatic bin counts. */
export const MAX_AUTO_BINS = 256;

/**
 * Automatic bin count for n finite values spanning [min, max] with standard deviation std: the narrower of
 * Scott's width h = (24√π/n)^(1/3)·std (≈ 3.49·std·n^(−1/3), numpy's 'scott') and Sturges' width
 * (max − min)/(log₂n + 1), i.e. numpy's 'auto' rule with Scott standing in for Freedman–Diaconis (which needs
 * quantiles, hence a sort). Result: ceil((max − min)/h), clamped to [1, maxBins].
 */
export function autoBinCount(n: number, min: number, max: number, std: number, maxBins = MAX_AUTO_BINS): number {
  const span = max - min;
  if (!(n > 1) || !(span > 0) || !Number.isFinite(span)) {
    return 1;
  }
  const sturges = span / (Math.log2(n) + 1);
  const scott = std > 0 ? Math.cbrt((24 * Math.sqrt(Math.PI)) / n) * std : Infinity;
  const h = Math.min(sturges, scott);
  return Math.max(1, Math.min(maxBins, Math.ceil(span / h)));
}

/** The bins + 1 equally spaced edges lo + i·(hi − lo)/bins (the last set to hi exactly). */
export function binEdges(lo: number, hi: number, bins: number): Float64Array {
  const edges = new Float64Array(bins + 1);
  const span = hi - lo;
  const w = Number.isFinite(span) ? span / bins : hi / bins - lo / bins; // hi − lo can overflow
  for (let i = 0; i < bins; i++) {
    edges[i] = lo + i * w;
  }
  edges[bins] = hi;
  return edges;
}

/**
 * Counts `values` into the bins of `edges` (equal width, from {@link binEdges}). Index = ⌊(x − lo)·bins/(hi − lo)⌋,
 * then moved (by one, for ordinary ranges) where rounding disagrees with the stored edges, so that
 * x ∈ [edges[k], edges[k+1]) — numpy's rule.
 */
export function binInto(values: NumericArray, edges: Float64Array): Histogram {
  const bins = edges.length - 1;
  const lo = edges[0];
  const hi = edges[bins];
  // k = ⌊(x − lo)·bins/(hi − lo)⌋, halved where hi − lo overflows, divided where bins/(hi − lo) overflows.
  const span = hi - lo;
  const half = !Number.isFinite(span);
  const scale = half ? bins / (hi / 2 - lo / 2) : bins / span;
  const divide = !Number.isFinite(scale);
  const counts = new Uint32Array(bins);
  let underflow = 0;
  let overflow = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!(x >= lo)) {
      if (x - x === 0) {
        underflow++; // finite below lo (NaN and −∞ fall here too: skip them)
      }
      continue;
    }
    if (!(x <= hi)) {
      if (x !== Infinity) {
        overflow++;
      }
      continue;
    }
    // numpy's order: truncate, pull hi into the last bin, then fix rounding against the stored edges.
    let k = Math.floor(half ? (x / 2 - lo / 2) * scale : divide ? ((x - lo) / span) * bins : (x - lo) * scale);
    if (k >= bins) {
      k = bins - 1;
    }
    while (k > 0 && x < edges[k]) {
      k--; // one step at most for ordinary ranges
    }
    while (k + 1 < bins && x >= edges[k + 1]) {
      k++;
    }
    counts[k]++;
  }
  return { edges, counts, underflow, overflow };
}

/** Resolves bins and range (explicit or from the summary) into edges. */
export function histogramEdges(
  count: number,
  min: number,
  max: number,
  std: number,
  opts: HistogramOptions = {},
): Float64Array {
  let lo: number;
  let hi: number;
  if (opts.range !== undefined) {
    [lo, hi] = opts.range;
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi >= lo)) {
      throw new RangeError(`histogram range must be finite with lo ≤ hi (got [${lo}, ${hi}])`);
    }
  } else if (count === 0) {
    lo = 0;
    hi = 1;
  } else {
    lo = min;
    hi = max;
  }
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const spec = opts.bins ?? "auto";
  let bins: number;
  if (spec === "auto") {
    bins = autoBinCount(count, lo, hi, std, opts.maxBins ?? MAX_AUTO_BINS);
  } else {
    if (!Number.isInteger(spec) || spec < 1) {
      throw new RangeError(`bins must be a positive integer or 'auto' (got ${spec})`);
    }
    bins = spec;
  }
  return binEdges(lo, hi, bins);
}

/** Histogram of the finite values of `values` (two passes when the range or bin count is automatic). */
export function histogram(values: NumericArray, opts: HistogramOptions = {}): Histogram {
  let count = 0;
  let min = NaN;
  let max = NaN;
  let std = NaN;
  if (opts.range === undefined || opts.bins === undefined || opts.bins === "auto") {
    const s = summarize(values);
    ({ count, min, max, std } = s);
  }
  return binInto(values, histogramEdges(count, min, max, std, opts));
}
