/**
 * Public API of the activation registry and its float64 scalar math.
 *
 * Ids are PyTorch's functional names; parameters use PyTorch's names and defaults. Values follow torch 1.13's
 * float64 results within 2 ulp, or are closer to the true value where torch loses digits; derivatives follow
 * torch autograd, including its side at every kink. Documented deviations (NaN in → NaN out for f′ too, torch
 * 2.x's hardswish′(±3) and expm1-based ELUs, exact 1/6 for hardsigmoid′, softshrink(NaN) = NaN) are listed in
 * the family files. Typed-array kernels live in `src/core/kernels`, built on {@link getDefinition}.
 */
import type { ActivationSpec, Params } from "../types";
import { ActivationParamError, UnknownActivationError } from "./errors";
import { DEFINITIONS, getDefinition, resolveParams } from "./registry";
import { applyVectorWith, vectorJvpWith, type FloatArray, type VectorActivationId } from "./vector";

export {
  ACTIVATION_IDS,
  ActivationParamError,
  UnknownActivationError,
  getDefinition,
  resolveParams,
  type ActivationDefinition,
  type ResolvedParams,
} from "./registry";
export { erf, erfc } from "./erf";
export { normalCdf, normalPdf } from "./gaussian";
export { SELU_ALPHA, SELU_SCALE } from "./exponential-linear";
export type { FloatArray, VectorActivationId } from "./vector";

const SPECS: readonly ActivationSpec[] = Object.freeze(DEFINITIONS.map((d) => d.spec));

/** Every activation's spec, in registry order (elementwise first, then softmax, log_softmax, glu). */
export function listActivations(): readonly ActivationSpec[] {
  return SPECS;
}

/**
 * The spec for an id or alias, or undefined. Case-insensitive; a dotted path resolves by its last segment;
 * underscores are ignored where that is unambiguous (`logsoftmax`, `hard_tanh`).
 */
export function getActivation(nameOrAlias: string): ActivationSpec | undefined {
  return getDefinition(nameOrAlias)?.spec;
}

function definitionOf(name: string) {
  const def = getDefinition(name);
  if (def === undefined) {
    throw new UnknownActivationError(name);
  }
  return def;
}

function scalarOf(name: string, which: "f" | "df") {
  const def = definitionOf(name);
  const fn = def[which];
  if (fn === undefined) {
    throw new ActivationParamError(def.spec.id, undefined, "is a vector activation: use applyVector / vectorJvp");
  }
  return { fn, id: def.spec.id };
}

/**
 * f(x) in float64 for an elementwise activation (id or alias), with PyTorch-named params (defaults filled).
 * Throws UnknownActivationError, or ActivationParamError for bad params or a vector activation.
 */
export function evaluate(name: string, x: number, params?: Params): number {
  const { fn, id } = scalarOf(name, "f");
  return fn(x, resolveParams(id, params));
}

/**
 * f′(x) = df/dx in float64, with torch autograd's value at kinks (e.g. relu′(0) = 0, leaky_relu′(0) =
 * negative_slope, hardtanh′ = 0 at both edges) and NaN for NaN. Throws like {@link evaluate}.
 */
export function derivative(name: string, x: number, params?: Params): number {
  const { fn, id } = scalarOf(name, "df");
  return fn(x, resolveParams(id, params));
}

function vectorIdOf(name: string): VectorActivationId {
  const def = definitionOf(name);
  if (def.spec.kind !== "vector") {
    throw new ActivationParamError(def.spec.id, undefined, "is elementwise: use evaluate or the typed-array kernels");
  }
  return def.spec.id as VectorActivationId;
}

/**
 * Applies softmax, log_softmax or glu (or an alias) over the last axis of a row-major 2-D array with
 * `params.rows` rows (default 1):
 *   softmax_i = e^(x_i − m)/Σ_j e^(x_j − m);  log_softmax_i = (x_i − m) − log Σ_j e^(x_j − m);  glu = a ⊙ σ(b)
 * (m = row max; glu splits each row into halves a ‖ b and halves its length). Returns `out`, or a new array of
 * the input's type. Float32 input is computed in float64 and rounded once.
 */
export function applyVector<T extends FloatArray>(
  name: VectorActivationId | (string & {}),
  input: T,
  params?: Params,
  out?: T,
): T {
  const id = vectorIdOf(name);
  return applyVectorWith(id, resolveParams(id, params), input, out);
}

/**
 * Jacobian-vector product J(x)·t of softmax (y ⊙ (t − ⟨y, t⟩)), log_softmax (t − ⟨softmax x, t⟩) or glu
 * (t_a ⊙ σ(b) + a ⊙ σ′(b) ⊙ t_b), row by row, for derivative views. `tangent` has the input's length; the result
 * has the output's length and the input's type.
 */
export function vectorJvp<T extends FloatArray>(
  name: VectorActivationId | (string & {}),
  input: T,
  tangent: FloatArray,
  params?: Params,
  out?: T,
): T {
  const id = vectorIdOf(name);
  return vectorJvpWith(id, resolveParams(id, params), input, tangent, out);
}
