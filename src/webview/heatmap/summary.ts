/**
 * The `summary` a heatmap render reports (tests and the host check it without looking at pixels). Pure.
 *
 * Every number is JSON-safe: the message crosses VS Code's JSON boundary, where NaN and ±∞ would become
 * `null` (which the host's validator rejects). A non-finite scalar is therefore sent as its `String()`
 * ("NaN", "Infinity", "-Infinity"), and `first` as the comma-joined `String()` of its values when any of them
 * is not finite; `Number(x)` (resp. `String(first).split(",").map(Number)`) recovers the values either way.
 */
import type { RenderSummary } from "../../shared/protocol";
import type { LayerFacts } from "./text";

/** At most this many dead-unit indices are listed (the protocol caps arrays at 10 000). */
export const MAX_LISTED_DEAD = 1000;

export interface SummaryInput {
  readonly facts: LayerFacts;
  readonly pre: ArrayLike<number>;
  readonly pooled: boolean;
  /** Largest source block of a pooled cell (1 × 1 when not pooled). */
  readonly cellRows: number;
  readonly cellUnits: number;
  readonly outRows: number;
  readonly outCols: number;
  readonly activationId: string;
  /** What a pooled pixel shows (see ./pooling). */
  readonly poolingMode: string;
  readonly preColormap: string;
  readonly postColormap: string;
  readonly kinks: readonly number[];
  /** Colour ranges (pre [−L, L], post [lo, hi]) and how many finite values lie beyond them. */
  readonly preLimit: number;
  readonly postLo: number;
  readonly postHi: number;
  readonly preBeyond: number;
  readonly postBeyond: number;
}

/** A number, or its String() when it is not finite (see the module note). */
export function jsonNumber(x: number): number | string {
  return Number.isFinite(x) ? x : String(x);
}

/** Sum of the finite values (the checksum tests compare with the host's data). */
export function finiteSum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v === 0) {
      s += v;
    }
  }
  return s;
}

/**
 * Keys: rows, units, sparsity, deadUnits (count), deadUnitIndices (first MAX_LISTED_DEAD), saturatedFraction,
 * saturationEps, preMin/Max/Mean/Std, postMin/Max/Mean/Std, nan, posInf, negInf (pre), pooled, cellRows,
 * cellUnits, outRows, outCols, poolingMode, checksum (sum of finite pre values), first (first ≤ 8 pre values), activation,
 * preColormap, postColormap, kinks, preColorLimit (L of [−L, L]), postColorMin, postColorMax, preBeyond and
 * postBeyond (finite values beyond the colour range: outliers painted in the end colours and ringed).
 */
export function renderSummary(s: SummaryInput): RenderSummary {
  const f = s.facts;
  const firstValues = Array.from({ length: Math.min(8, s.pre.length) }, (_, i) => s.pre[i]);
  const first = firstValues.every(Number.isFinite) ? firstValues : firstValues.map(String).join(",");
  return {
    rows: f.rows,
    units: f.units,
    sparsity: jsonNumber(f.sparsity),
    deadUnits: f.deadUnits.length,
    deadUnitIndices: f.deadUnits.slice(0, MAX_LISTED_DEAD),
    saturatedFraction: jsonNumber(f.saturatedFraction),
    saturationEps: f.saturationEps,
    preMin: jsonNumber(f.pre.min),
    preMax: jsonNumber(f.pre.max),
    preMean: jsonNumber(f.pre.mean),
    preStd: jsonNumber(f.pre.std),
    postMin: jsonNumber(f.post.min),
    postMax: jsonNumber(f.post.max),
    postMean: jsonNumber(f.post.mean),
    postStd: jsonNumber(f.post.std),
    nan: f.nonFinite.nan,
    posInf: f.nonFinite.posInf,
    negInf: f.nonFinite.negInf,
    pooled: s.pooled,
    cellRows: s.cellRows,
    cellUnits: s.cellUnits,
    outRows: s.outRows,
    outCols: s.outCols,
    checksum: jsonNumber(finiteSum(s.pre)),
    first,
    activation: s.activationId,
    poolingMode: s.poolingMode,
    preColormap: s.preColormap,
    postColormap: s.postColormap,
    kinks: s.kinks.filter(Number.isFinite),
    preColorLimit: jsonNumber(s.preLimit),
    postColorMin: jsonNumber(s.postLo),
    postColorMax: jsonNumber(s.postHi),
    preBeyond: s.preBeyond,
    postBeyond: s.postBeyond,
  };
}
