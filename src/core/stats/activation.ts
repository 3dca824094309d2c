/**
 * Scalar access to one activation with its parameters resolved once: the loops of the statistics and explainers
 * call `f(x)` / `df(x)` per element without re-validating parameters (no per-element allocation).
 */
import { ActivationParamError, getDefinition, resolveParams, UnknownActivationError } from "../activations";
import { DF_QUICK_TOLERANCE } from "../activations/define";
import type { ResolvedParams } from "../activations";
import type { ActivationSpec, Params } from "../types";

export interface ScalarActivation {
  /** Canonical id (an alias given by the caller is resolved). */
  readonly id: string;
  readonly spec: ActivationSpec;
  /** Every parameter, PyTorch defaults filled. */
  readonly params: ResolvedParams;
  /** f(x) in float64 (the registry's scalar math). */
  readonly f: (x: number) => number;
  /** f′(x) in float64, torch autograd's value at kinks. */
  readonly df: (x: number) => number;
  /**
   * |f′(x)| < eps, decided exactly as `Math.abs(df(x)) < eps` decides it, but on the plain float64 derivative
   * where the registry has one (`dfQuick`: gelu, silu, mish) unless that lies within its error bound of eps —
   * about 3–5× faster on those over a whole layer.
   */
  readonly derivativeBelow: (x: number, eps: number) => boolean;
  /** Kinks for these parameters, ascending (every point where the registry's piecewise definition switches). */
  readonly kinks: readonly number[];
  /**
   * The kinks a plot shows as kinks: where f′ jumps (relu at 0, hardtanh at ±1), without the switch points where
   * f′ is continuous to within 1e−6 — softplus's threshold (torch's switch to x changes f′ by 2e−9) or ELU's 0
   * with alpha = 1.
   */
  readonly visibleKinks: readonly number[];
}

/**
 * Resolves an elementwise activation (id or alias) and its parameters once.
 * Throws UnknownActivationError, or ActivationParamError for bad params or a vector activation (softmax, glu, ...).
 */
export function scalarActivation(nameOrAlias: string, params?: Params): ScalarActivation {
  const def = getDefinition(nameOrAlias);
  if (def === undefined) {
    throw new UnknownActivationError(nameOrAlias);
  }
  const id = def.spec.id;
  const p = resolveParams(id, params);
  const f0 = def.f;
  const df0 = def.df;
  if (f0 === undefined || df0 === undefined) {
    throw new ActivationParamError(id, undefined, "is a vector activation: statistics need an elementwise one");
  }
  const kinks = [...def.spec.kinks(p)].sort((a, b) => a - b);
  const q0 = def.dfQuick;
  const derivativeBelow =
    q0 === undefined
      ? (x: number, eps: number): boolean => Math.abs(df0(x, p)) < eps
      : (x: number, eps: number): boolean => {
          const a = Math.abs(q0(x, p));
          if (a < eps - DF_QUICK_TOLERANCE) {
            return true;
          }
          if (a >= eps + DF_QUICK_TOLERANCE) {
            return false;
          }
          return Math.abs(df0(x, p)) < eps; // near the bound, or NaN
        };
  const visibleKinks = kinks.filter((k) => {
    const d = 1e-9 * Math.max(1, Math.abs(k));
    const left = df0(k - d, p);
    const right = df0(k + d, p);
    return !(Math.abs(right - left) <= 1e-6 * Math.max(1, Math.abs(left), Math.abs(right)));
  });
  return { id, spec: def.spec, params: p, f: (x) => f0(x, p), df: (x) => df0(x, p), derivativeBelow, kinks, visibleKinks };
}
