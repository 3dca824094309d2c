/**
 * Statistics of one layer's activations, from its pre-activations: everything the heatmap's stats strip shows.
 *
 * Definitions (x = a finite pre-activation, y = f(x)):
 * - NaN and ±∞ pre-activations are counted in `nonFinite` and excluded from every moment, histogram and fraction;
 *   fractions are over the finite pre-activations.
 * - sparsity = #{y = 0 exactly (±0)} / #finite: the fraction of exact zeros after the activation.
 * - dead units: units (columns) whose output is exactly 0 in every row (a unit with any NaN/∞ or non-zero output
 *   is alive; with 0 rows no unit is dead).
 * - saturated fraction = #{|f′(x)| < ε} / #finite, ε = 1e−3 by default (torch's f′ at kinks, so relu′(0) = 0
 *   counts as saturated).
 * - y is the registry's float64 f(x), also for Float32Array input (not rounded to float32 as torch's float32
 *   output would be: the summaries differ from torch's float32 ones by float32 rounding at most).
 */
import type { Params } from "../types";
import { scalarActivation, type ScalarActivation } from "./activation";
import { binInto, histogramEdges, type BinSpec, type Histogram } from "./histogram";
import {
  checkShape,
  SummaryAccumulator,
  unitStats,
  type NonFiniteCounts,
  type NumericArray,
  type Summary,
  type UnitStats,
} from "./summary";

/** Default ε of the saturated fraction: |f′(x)| < 1e−3 counts as saturated. */
export const DEFAULT_SATURATION_EPS = 1e-3;

export interface LayerStatsOptions {
  /** Bins of both histograms (default 'auto'). */
  readonly bins?: BinSpec;
  /** ε of the saturated fraction (default {@link DEFAULT_SATURATION_EPS}). */
  readonly saturationEps?: number;
  /** Also compute per-unit statistics of pre- and post-activations (default false). */
  readonly perUnit?: boolean;
  /**
   * The post-activations f(pre[i]) when the caller has them already (the heatmap computes them with
   * `applyActivation`, bit-identical to the scalar f on float64): used instead of evaluating f again.
   */
  readonly post?: Float64Array;
}

export interface LayerStats {
  readonly shape: { readonly rows: number; readonly units: number };
  readonly pre: Summary;
  readonly post: Summary;
  readonly sparsity: number;
  /** Indices of the dead units, ascending. */
  readonly deadUnits: number[];
  readonly saturatedFraction: number;
  readonly saturationEps: number;
  readonly histogramPre: Histogram;
  readonly histogramPost: Histogram;
  /** Non-finite pre-activations. */
  readonly nonFinite: NonFiniteCounts;
  /** Present when `perUnit` was asked for. */
  readonly perUnit?: { readonly pre: UnitStats; readonly post: UnitStats };
}

function checkEps(eps: number): void {
  if (!(eps >= 0) || !Number.isFinite(eps)) {
    throw new RangeError(`saturation ε must be finite and ≥ 0 (got ${eps})`);
  }
}

/**
 * All statistics of a rows × units layer (row-major `pre`) under activation `id` with `params`, in two passes:
 * the first applies f and f′ once per value (summaries, sparsity, saturation, dead units; y kept in one
 * Float64Array), the second bins pre and post. No per-element allocation.
 */
export function layerStats(
  pre: NumericArray,
  rows: number,
  units: number,
  id: string,
  params?: Params,
  opts: LayerStatsOptions = {},
): LayerStats {
  return layerStatsOf(pre, rows, units, scalarActivation(id, params), opts);
}

/** {@link layerStats} for an already resolved activation. */
export function layerStatsOf(
  pre: NumericArray,
  rows: number,
  units: number,
  act: ScalarActivation,
  opts: LayerStatsOptions = {},
): LayerStats {
  checkShape(pre.length, rows, units);
  const eps = opts.saturationEps ?? DEFAULT_SATURATION_EPS;
  checkEps(eps);
  const { f, derivativeBelow } = act;
  const n = pre.length;
  const given = opts.post;
  if (given !== undefined && given.length !== n) {
    throw new RangeError(`post has ${given.length} values, pre has ${n}`);
  }
  const post = given ?? new Float64Array(n);
  const alive = new Uint8Array(units);
  const preAcc = new SummaryAccumulator();
  const postAcc = new SummaryAccumulator();
  let finite = 0;
  let zeros = 0;
  let saturated = 0;
  for (let r = 0, i = 0; r < rows; r++) {
    for (let u = 0; u < units; u++, i++) {
      const x = pre[i];
      let y: number;
      if (given === undefined) {
        y = f(x);
        post[i] = y;
      } else {
        y = given[i];
      }
      preAcc.add(x);
      postAcc.add(y);
      if (y !== 0) {
        alive[u] = 1;
      }
      if (x - x === 0) {
        finite++;
        if (y === 0) {
          zeros++;
        }
        if (derivativeBelow(x, eps)) {
          saturated++;
        }
      }
    }
  }
  const deadUnits: number[] = [];
  if (rows > 0) {
    for (let u = 0; u < units; u++) {
      if (alive[u] === 0) {
        deadUnits.push(u);
      }
    }
  }
  const preSummary = preAcc.finish();
  const postSummary = postAcc.finish();
  const bins = opts.bins === undefined ? {} : { bins: opts.bins };
  const histogramPre = binInto(
    pre,
    histogramEdges(preSummary.count, preSummary.min, preSummary.max, preSummary.std, bins),
  );
  const histogramPost = binInto(
    post,
    histogramEdges(postSummary.count, postSummary.min, postSummary.max, postSummary.std, bins),
  );
  const out: LayerStats = {
    shape: { rows, units },
    pre: preSummary,
    post: postSummary,
    sparsity: finite > 0 ? zeros / finite : NaN,
    deadUnits,
    saturatedFraction: finite > 0 ? saturated / finite : NaN,
    saturationEps: eps,
    histogramPre,
    histogramPost,
    nonFinite: preSummary.nonFinite,
  };
  if (opts.perUnit === true) {
    return { ...out, perUnit: { pre: unitStats(pre, rows, units), post: unitStats(post, rows, units) } };
  }
  return out;
}

/** Fraction of exact zeros (±0) among the finite values; NaN when there are none. */
export function zeroFraction(values: NumericArray): number {
  let finite = 0;
  let zeros = 0;
  for (let i = 0; i < values.length; i++) {
    const y = values[i];
    if (y - y === 0) {
      finite++;
      if (y === 0) {
        zeros++;
      }
    }
  }
  return finite > 0 ? zeros / finite : NaN;
}

/** Units (columns of a row-major rows × units matrix of outputs) that are exactly 0 in every row, ascending. */
export function deadUnits(post: NumericArray, rows: number, units: number): number[] {
  checkShape(post.length, rows, units);
  const alive = new Uint8Array(units);
  for (let r = 0, i = 0; r < rows; r++) {
    for (let u = 0; u < units; u++, i++) {
      if (post[i] !== 0) {
        alive[u] = 1;
      }
    }
  }
  const dead: number[] = [];
  if (rows > 0) {
    for (let u = 0; u < units; u++) {
      if (alive[u] === 0) {
        dead.push(u);
      }
    }
  }
  return dead;
}

/**
 * Saturated fraction of pre-activations under an activation: #{|f′(x)| < ε} / #finite x (torch's f′ at kinks);
 * NaN when no value is finite. ε defaults to {@link DEFAULT_SATURATION_EPS}.
 */
export function saturatedFraction(
  values: NumericArray,
  id: string,
  params?: Params,
  eps: number = DEFAULT_SATURATION_EPS,
): number {
  checkEps(eps);
  const { derivativeBelow } = scalarActivation(id, params);
  let finite = 0;
  let saturated = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x - x === 0) {
      finite++;
      if (derivativeBelow(x, eps)) {
        saturated++;
      }
    }
  }
  return finite > 0 ? saturated / finite : NaN;
}
