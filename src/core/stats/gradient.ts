/**
 * Gradient scale through a stack of layers, for the vanishing-gradient view.
 *
 * Along one path through L layers (one unit per layer, pre-activations z₁ … z_L), backpropagation multiplies
 * the gradient by the weights and by f′(z_l) at every layer; the activation's share is Π_l f′(z_l).
 * For i.i.d. z_l ~ N(μ, σ²) that product has expectation (E f′)^L and root-mean-square (√E f′²)^L, and it is
 * never larger in magnitude than (sup|f′|)^L: for sigmoid sup f′ = 1/4, so 10 layers scale a gradient by at most
 * 0.25¹⁰ ≈ 9.5e−7.
 */
import type { Params } from "../types";
import { scalarActivation, type ScalarActivation } from "./activation";
import { gaussianMomentsOf } from "./gaussian";
import { goldenMin } from "./golden";

/** Π f′(z_l) over a path's pre-activations, and the running product after each layer. */
export interface PathProduct {
  readonly product: number;
  /** cumulative[l] = Π_{i ≤ l} f′(z_i). */
  readonly cumulative: Float64Array;
}

/** The product of derivatives f′(z₁)·f′(z₂)·…·f′(z_L) along one path (torch's f′ at kinks). */
export function pathDerivativeProduct(id: string, params: Params | undefined, pre: ArrayLike<number>): PathProduct {
  const act = scalarActivation(id, params);
  const cumulative = new Float64Array(pre.length);
  let p = 1;
  for (let l = 0; l < pre.length; l++) {
    p *= act.df(pre[l]);
    cumulative[l] = p;
  }
  return { product: p, cumulative };
}

export interface MaxDerivative {
  /** sup |f′(x)| found. */
  readonly value: number;
  /** Where it is attained (the first such x found). */
  readonly at: number;
}

/** Golden-section maximisation of h on [a, b] (h unimodal there). */
function goldenMax(h: (x: number) => number, a: number, b: number): { x: number; v: number } {
  const r = goldenMin((x) => -h(x), a, b, 100, (lo, hi) => 1e-12 * (1 + Math.abs(lo) + Math.abs(hi)));
  return { x: r.x, v: -r.v };
}

/**
 * sup_x |f′(x)|, found numerically: |f′| on a grid of 12 001 points over [−R, R] (R = 60 + the largest |kink|),
 * at every kink and just beside it (±1e−9·(1 + |k|)), and at ±1e6; every interior grid maximum is then refined
 * by golden-section search between its neighbours. Exact for the bounded, piecewise-smooth derivatives of the
 * registry (sigmoid: 1/4 at 0; tanh: 1 at 0; gelu: ≈ 1.1289 at ≈ 1.4142).
 */
export function maxAbsDerivative(id: string, params?: Params): MaxDerivative {
  return maxAbsDerivativeOf(scalarActivation(id, params));
}

/** {@link maxAbsDerivative} for an already resolved activation. */
export function maxAbsDerivativeOf(act: ScalarActivation): MaxDerivative {
  const h = (x: number): number => Math.abs(act.df(x));
  const kmax = act.kinks.reduce((m, k) => Math.max(m, Math.abs(k)), 0);
  const R = 60 + kmax;
  const n = 12001;
  let best = -Infinity;
  let at = NaN;
  const consider = (x: number, v: number): void => {
    if (v > best) {
      best = v;
      at = x;
    }
  };
  const xs = new Float64Array(n);
  const hs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = -R + (2 * R * i) / (n - 1);
    xs[i] = x;
    hs[i] = h(x);
    consider(x, hs[i]);
  }
  for (const k of act.kinks) {
    const e = 1e-9 * (1 + Math.abs(k));
    consider(k, h(k));
    consider(k - e, h(k - e));
    consider(k + e, h(k + e));
  }
  consider(-1e6, h(-1e6));
  consider(1e6, h(1e6));
  for (let i = 1; i + 1 < n; i++) {
    if (hs[i] >= hs[i - 1] && hs[i] >= hs[i + 1] && hs[i] > 0) {
      const a = xs[i - 1];
      const b = xs[i + 1];
      if (act.kinks.some((k) => k > a && k < b)) {
        continue; // the kink samples above cover it
      }
      const r = goldenMax(h, a, b);
      consider(r.x, r.v);
    }
  }
  return { value: best, at };
}

export interface GradientScale {
  /** E f′(X), X ~ N(μ, σ²). */
  readonly meanDerivative: number;
  /** √(E f′(X)²). */
  readonly rmsDerivative: number;
  /** sup |f′|. */
  readonly maxDerivative: number;
  /** expected[l] = (E f′)^l, l = 0 … L: the expected path product after l layers. */
  readonly expected: Float64Array;
  /** rms[l] = (√E f′²)^l. */
  readonly rms: Float64Array;
  /** bound[l] = (sup|f′|)^l: no path product can be larger in magnitude. */
  readonly bound: Float64Array;
}

/**
 * Expected, root-mean-square and worst-case scale of the activations' share of a gradient through `layers`
 * layers whose pre-activations are i.i.d. N(μ, σ²) (see the file comment).
 */
export function gradientScale(
  id: string,
  params: Params | undefined,
  mu: number,
  sigma: number,
  layers: number,
): GradientScale {
  if (!Number.isInteger(layers) || layers < 0) {
    throw new RangeError(`layers must be a non-negative integer (got ${layers})`);
  }
  const act = scalarActivation(id, params);
  const m = gaussianMomentsOf(act, mu, sigma);
  const maxDerivative = maxAbsDerivativeOf(act).value;
  const rmsDerivative = Math.sqrt(m.meanSquaredDerivative);
  const expected = new Float64Array(layers + 1);
  const rms = new Float64Array(layers + 1);
  const bound = new Float64Array(layers + 1);
  for (let l = 0; l <= layers; l++) {
    expected[l] = m.meanDerivative ** l;
    rms[l] = rmsDerivative ** l;
    bound[l] = maxDerivative ** l;
  }
  return { meanDerivative: m.meanDerivative, rmsDerivative, maxDerivative, expected, rms, bound };
}
