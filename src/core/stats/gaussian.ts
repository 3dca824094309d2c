/**
 * Moments of an activation of a Gaussian input: for X ~ N(μ, σ²),
 *   E f(X),  Var f(X),  E f(X)²,  E f′(X),  E f′(X)².
 *
 * Closed forms where the activation allows them:
 * - piecewise-linear activations (relu, relu6, leaky_relu, prelu, rrelu, hardtanh, hardsigmoid, softshrink,
 *   hardshrink, threshold, identity): on a piece [l, u] with f(x) = a + b·x, write x = μ + σz, α = (l − μ)/σ,
 *   β = (u − μ)/σ, c = a + bμ, d = bσ, P = Φ(β) − Φ(α); then
 *     ∫ f p = cP + d(φ(α) − φ(β)),
 *     ∫ f² p = c²P + 2cd(φ(α) − φ(β)) + d²(P + αφ(α) − βφ(β)),
 *     ∫ f′ p = bP,  ∫ f′² p = b²P.
 *   The pieces (a, b) are read off the registry between consecutive kinks (and checked to be linear), so
 *   parameters are never duplicated here. E.g. relu: E f = μΦ(μ/σ) + σφ(μ/σ),
 *   E f² = (μ² + σ²)Φ(μ/σ) + μσφ(μ/σ), E f′ = Φ(μ/σ).
 * - exponential-linear activations: f(x) = s·x for x > 0 and s·α·(e^(kx) − 1) for x ≤ 0 (elu: s = 1, k = 1;
 *   celu: s = 1, k = 1/α; selu: s = λ, α = 1.6733, k = 1), with E[e^(kX); X ≤ 0] = e^(kμ + k²σ²/2)·Φ(−(μ + kσ²)/σ):
 *     E f = s[μΦ(μ/σ) + σφ(μ/σ) + α(E[e^(kX); X ≤ 0] − Φ(−μ/σ))],
 *     E f² = s²[(μ² + σ²)Φ(μ/σ) + μσφ(μ/σ) + α²(E[e^(2kX); X ≤ 0] − 2E[e^(kX); X ≤ 0] + Φ(−μ/σ))],
 *     E f′ = s[Φ(μ/σ) + αk·E[e^(kX); X ≤ 0]],  E f′² = s²[Φ(μ/σ) + α²k²·E[e^(2kX); X ≤ 0]].
 * Everything else by quadrature: E g(X) = ∫ g(μ + σz)φ(z) dz over z ∈ [−37, 37] (φ(37) ≈ 1e−298), split at
 * the kinks (k − μ)/σ and at z = 0, ±3, ±6, ±10, ±20, by adaptive Gauss–Kronrod (7/15) with absolute
 * tolerance 1e−15 and relative 1e−13. The variance is integrated as E(f − c)² − (E(f − c))² with c = f(μ),
 * so it does not cancel when σ is small.
 * σ = 0 is a point mass: E f = f(μ), Var f = 0, E f′ = f′(μ) (torch's value at a kink).
 */
import { SELU_ALPHA, SELU_SCALE } from "../activations";
import type { Params } from "../types";
import { scalarActivation, type ScalarActivation } from "./activation";
import { expBelowZero, phi, Phi } from "./normal";
import { integrateVector } from "./quadrature";

export interface GaussianMoments {
  /** E f(X). */
  readonly mean: number;
  /** Var f(X) = E f² − (E f)². */
  readonly variance: number;
  /** E f(X)². */
  readonly secondMoment: number;
  /** E f′(X). */
  readonly meanDerivative: number;
  /** E f′(X)². */
  readonly meanSquaredDerivative: number;
  /** How the numbers were obtained. */
  readonly method: "closed-form" | "quadrature" | "point-mass";
}

export interface GaussianMomentOptions {
  /** `'auto'` (default): closed form where known, else quadrature. `'quadrature'` forces quadrature. */
  readonly method?: "auto" | "quadrature";
  /** Relative tolerance of the quadrature (default 1e−13); looser is faster (the depth theory uses 1e−9). */
  readonly relTol?: number;
}

/** Ids whose f is affine between consecutive kinks. */
export const PIECEWISE_LINEAR_IDS: readonly string[] = Object.freeze([
  "relu",
  "relu6",
  "leaky_relu",
  "prelu",
  "rrelu",
  "hardtanh",
  "hardsigmoid",
  "softshrink",
  "hardshrink",
  "threshold",
  "identity",
]);

/** Ids of the exponential-linear family with closed forms. */
export const EXPONENTIAL_LINEAR_IDS: readonly string[] = Object.freeze(["elu", "celu", "selu"]);

const Z_MAX = 37;
const FIXED_BREAKS = [-20, -10, -6, -3, 0, 3, 6, 10, 20];

function checkGaussian(mu: number, sigma: number): void {
  if (!Number.isFinite(mu) || !Number.isFinite(sigma) || sigma < 0) {
    throw new RangeError(`need finite μ and σ ≥ 0 (got μ = ${mu}, σ = ${sigma})`);
  }
}

/** P(α < Z ≤ β) for Z ~ N(0, 1), from the tail that keeps precision. */
function probBetween(alpha: number, beta: number): number {
  return alpha > 0 ? Phi(-alpha) - Phi(-beta) : Phi(beta) - Phi(alpha);
}

/** t·φ(t) with ±∞·0 = 0. */
function tPhi(t: number): number {
  return Number.isFinite(t) ? t * phi(t) : 0;
}

interface Piece {
  readonly lo: number;
  readonly hi: number;
  readonly a: number;
  readonly b: number;
}

/** The affine pieces f = a + b·x between kinks, or undefined when f is not affine there (checked at 2 points). */
function affinePieces(act: ScalarActivation): Piece[] | undefined {
  const ks = act.kinks;
  const bounds = [-Infinity, ...ks, Infinity];
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const lo = bounds[i];
    const hi = bounds[i + 1];
    let x1: number;
    let x2: number;
    if (lo === -Infinity && hi === Infinity) {
      x1 = -1;
      x2 = 2;
    } else if (lo === -Infinity) {
      x1 = hi - 1;
      x2 = hi - 3;
    } else if (hi === Infinity) {
      x1 = lo + 1;
      x2 = lo + 3;
    } else {
      x1 = lo + (hi - lo) / 3;
      x2 = lo + (2 * (hi - lo)) / 3;
    }
    const b = act.df(x1);
    const a = act.f(x1) - b * x1;
    const check = a + b * x2;
    if (!Number.isFinite(a) || !Number.isFinite(b) || Math.abs(act.f(x2) - check) > 1e-12 * (1 + Math.abs(check))) {
      return undefined;
    }
    pieces.push({ lo, hi, a, b });
  }
  return pieces;
}

function piecewiseLinearMoments(pieces: readonly Piece[], mu: number, sigma: number): GaussianMoments {
  let mean = 0;
  let d1 = 0;
  let d2 = 0;
  const parts = pieces.map((pc) => {
    const alpha = (pc.lo - mu) / sigma;
    const beta = (pc.hi - mu) / sigma;
    const p = probBetween(alpha, beta);
    const z1 = phi(alpha) - phi(beta);
    const z2 = p + tPhi(alpha) - tPhi(beta);
    return { pc, p, z1, z2 };
  });
  for (const { pc, p, z1 } of parts) {
    mean += (pc.a + pc.b * mu) * p + pc.b * sigma * z1;
    d1 += pc.b * p;
    d2 += pc.b * pc.b * p;
  }
  // Centred second moment: pieces (a − mean) + b·x.
  let variance = 0;
  for (const { pc, p, z1, z2 } of parts) {
    const c = pc.a - mean + pc.b * mu;
    const d = pc.b * sigma;
    variance += c * c * p + 2 * c * d * z1 + d * d * z2;
  }
  variance = Math.max(0, variance);
  return {
    mean,
    variance,
    secondMoment: variance + mean * mean,
    meanDerivative: d1,
    meanSquaredDerivative: d2,
    method: "closed-form",
  };
}

/** s, α, k of f(x) = s·x (x > 0), s·α·(e^(kx) − 1) (x ≤ 0). */
function exponentialLinearShape(act: ScalarActivation): { s: number; alpha: number; k: number } {
  if (act.id === "selu") {
    return { s: SELU_SCALE, alpha: SELU_ALPHA, k: 1 };
  }
  const alpha = act.params["alpha"] as number;
  return { s: 1, alpha, k: act.id === "celu" ? 1 / alpha : 1 };
}

function exponentialLinearMoments(act: ScalarActivation, mu: number, sigma: number): GaussianMoments | undefined {
  const { s, alpha, k } = exponentialLinearShape(act);
  // Guard against a registry change: the shape must reproduce f at a few points.
  for (const x of [-2, -0.5, 1.5]) {
    const want = x > 0 ? s * x : s * alpha * Math.expm1(k * x);
    if (Math.abs(act.f(x) - want) > 1e-12 * (1 + Math.abs(want))) {
      return undefined;
    }
  }
  const r = mu / sigma;
  const pPos = Phi(r);
  const pNeg = Phi(-r);
  const e1 = expBelowZero(k, mu, sigma);
  const e2 = expBelowZero(2 * k, mu, sigma);
  const m1Pos = mu * pPos + sigma * phi(r);
  const m2Pos = (mu * mu + sigma * sigma) * pPos + mu * sigma * phi(r);
  const mean = s * (m1Pos + alpha * (e1 - pNeg));
  const second = s * s * (m2Pos + alpha * alpha * (e2 - 2 * e1 + pNeg));
  const variance = second - mean * mean;
  if (!(variance > 1e-6 * second)) {
    return undefined; // too much cancellation: let quadrature (centred) do it
  }
  return {
    mean,
    variance,
    secondMoment: second,
    meanDerivative: s * (pPos + alpha * k * e1),
    meanSquaredDerivative: s * s * (pPos + alpha * alpha * k * k * e2),
    method: "closed-form",
  };
}

function quadratureMoments(act: ScalarActivation, mu: number, sigma: number, relTol: number): GaussianMoments {
  const c0 = act.f(mu);
  const c = Number.isFinite(c0) ? c0 : 0;
  const breaks = new Set<number>([-Z_MAX, Z_MAX, ...FIXED_BREAKS]);
  for (const kink of act.kinks) {
    const z = (kink - mu) / sigma;
    if (z > -Z_MAX && z < Z_MAX) {
      breaks.add(z);
    }
  }
  const sorted = [...breaks].sort((a, b) => a - b);
  const { f, df } = act;
  const res = integrateVector(
    (t, out) => {
      const x = mu + sigma * t;
      const w = phi(t);
      const y = f(x) - c;
      const d = df(x);
      out[0] = w * y;
      out[1] = w * y * y;
      out[2] = w * d;
      out[3] = w * d * d;
    },
    4,
    sorted,
    { absTol: 1e-15 * Math.max(1, relTol / 1e-13), relTol },
  );
  const [i0, i1, i2, i3] = res.values;
  const variance = Math.max(0, i1 - i0 * i0);
  const mean = c + i0;
  return {
    mean,
    variance,
    secondMoment: variance + mean * mean,
    meanDerivative: i2,
    meanSquaredDerivative: i3,
    method: "quadrature",
  };
}

/**
 * E f, Var f, E f², E f′, E f′² of an elementwise activation for X ~ N(μ, σ²) (see the file comment for the
 * closed forms and the quadrature). Throws RangeError for non-finite μ/σ or σ < 0, and the registry's errors for
 * unknown activations or bad params.
 */
export function gaussianMoments(
  id: string,
  params: Params | undefined,
  mu: number,
  sigma: number,
  opts: GaussianMomentOptions = {},
): GaussianMoments {
  checkGaussian(mu, sigma);
  const act = scalarActivation(id, params);
  return gaussianMomentsOf(act, mu, sigma, opts);
}

/** {@link gaussianMoments} for an already resolved activation. */
export function gaussianMomentsOf(
  act: ScalarActivation,
  mu: number,
  sigma: number,
  opts: GaussianMomentOptions = {},
): GaussianMoments {
  checkGaussian(mu, sigma);
  if (sigma === 0) {
    const y = act.f(mu);
    const d = act.df(mu);
    return {
      mean: y,
      variance: 0,
      secondMoment: y * y,
      meanDerivative: d,
      meanSquaredDerivative: d * d,
      method: "point-mass",
    };
  }
  if (opts.method !== "quadrature") {
    if (PIECEWISE_LINEAR_IDS.includes(act.id)) {
      const pieces = affinePieces(act);
      if (pieces !== undefined) {
        return piecewiseLinearMoments(pieces, mu, sigma);
      }
    } else if (EXPONENTIAL_LINEAR_IDS.includes(act.id)) {
      const m = exponentialLinearMoments(act, mu, sigma);
      if (m !== undefined) {
        return m;
      }
    }
  }
  return quadratureMoments(act, mu, sigma, opts.relTol ?? 1e-13);
}
