/**
 * "Bias moves the kink": the family of curves y = f(x + b) for several biases b.
 *
 * Shifting the input by b moves every feature of f by −b: a kink of f at k appears at x = k − b (for ReLU, at
 * x = −b). The kink positions are taken from the registry's `kinks(params)` and shifted, never hard-coded.
 * Example: relu(7 + A) is 0 with slope 0 for A < −7 and equals 7 + A with slope 1 above.
 */
import type { Params } from "../types";
import { scalarActivation } from "../stats/activation";

export interface BiasFamily {
  /** n sample positions over the range, end points included. */
  readonly x: Float64Array;
  /** curves[i][k] = f(x_k + biases[i]). */
  readonly curves: Float64Array[];
  /** slopes[i][k] = f′(x_k + biases[i]) (torch's value at kinks). */
  readonly slopes: Float64Array[];
  /** kinks[i] = the kinks k − biases[i] that fall inside the range, ascending. */
  readonly kinks: number[][];
}

/** Curves f(x + b) for each b in `biases` over `range` with n samples, and their kink positions. */
export function biasFamily(
  id: string,
  params: Params | undefined,
  biases: readonly number[],
  range: readonly [number, number],
  n: number,
): BiasFamily {
  const [lo, hi] = range;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) {
    throw new RangeError(`range must be finite with lo < hi (got [${lo}, ${hi}])`);
  }
  if (!Number.isInteger(n) || n < 2 || n > 100000) {
    throw new RangeError(`n must be an integer in [2, 100000] (got ${n})`);
  }
  for (const b of biases) {
    if (!Number.isFinite(b)) {
      throw new RangeError(`biases must be finite (got ${b})`);
    }
  }
  const act = scalarActivation(id, params);
  const x = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    x[k] = k === n - 1 ? hi : lo + ((hi - lo) * k) / (n - 1);
  }
  const curves: Float64Array[] = [];
  const slopes: Float64Array[] = [];
  const kinks: number[][] = [];
  for (const b of biases) {
    const y = new Float64Array(n);
    const d = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      y[k] = act.f(x[k] + b);
      d[k] = act.df(x[k] + b);
    }
    curves.push(y);
    slopes.push(d);
    kinks.push(act.visibleKinks.map((k) => k - b).filter((k) => k >= lo && k <= hi));
  }
  return { x, curves, slopes, kinks };
}
