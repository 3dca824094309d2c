/**
 * The activation registry: every activation's spec and float64 scalar math, looked up by id or alias.
 *
 * Name lookup (used by {@link getDefinition} and the public `getActivation`):
 * 1. a dotted path resolves by its last segment (`torch.nn.functional.relu`, `nn.LeakyReLU`, `jax.nn.gelu`);
 * 2. ids and aliases match case-insensitively (`LeakyReLU`, `leakyrelu`, `leakyRelu`);
 * 3. failing that, underscores are ignored (`log_softmax` = `logsoftmax`, `hardtanh` = `hard_tanh`) — but only
 *    where that is unambiguous: a key that would match two activations matches none (none does today; a test
 *    keeps it so).
 * No alias is shared by two activations (checked when this module loads).
 */
import type { Params } from "../types";
import type { ActivationDefinition, RegisteredActivation, ResolvedParams } from "./define";
import { UnknownActivationError } from "./errors";
import { celu, elu, selu } from "./exponential-linear";
import { gelu } from "./gaussian";
import { hardsigmoid, hardswish } from "./hard";
import { softsign, tanh, tanhshrink } from "./hyperbolic";
import { logsigmoid, mish, sigmoid, silu, softplus } from "./logistic";
import { hardtanh, identity, leakyRelu, prelu, relu, relu6, rrelu, threshold } from "./piecewise-linear";
import { hardshrink, softshrink } from "./shrink";
import { glu, logSoftmax, softmax } from "./vector";

export type { ActivationDefinition, ResolvedParams } from "./define";
export { ActivationParamError, UnknownActivationError } from "./errors";

/** Every activation, in the order lists and menus show them. */
const ALL: readonly RegisteredActivation[] = [
  relu,
  relu6,
  leakyRelu,
  prelu,
  rrelu,
  elu,
  selu,
  celu,
  gelu,
  silu,
  mish,
  softplus,
  softsign,
  sigmoid,
  logsigmoid,
  tanh,
  tanhshrink,
  hardtanh,
  hardsigmoid,
  hardswish,
  softshrink,
  hardshrink,
  threshold,
  identity,
  softmax,
  logSoftmax,
  glu,
];

/** Canonical ids (PyTorch functional names), in registry order. Derived from the registry, never hand-kept. */
export const ACTIVATION_IDS: readonly string[] = Object.freeze(ALL.map((a) => a.definition.spec.id));

/** All definitions, in registry order. */
export const DEFINITIONS: readonly ActivationDefinition[] = Object.freeze(ALL.map((a) => a.definition));

const byExactName = new Map<string, RegisteredActivation>();
const byLooseName = new Map<string, RegisteredActivation | null>(); // null: ambiguous

function looseKey(name: string): string {
  return name.replace(/_/g, "");
}

for (const entry of ALL) {
  const { id, aliases } = entry.definition.spec;
  for (const name of [id, ...aliases]) {
    const key = lowerKey(name);
    const existing = byExactName.get(key);
    if (existing !== undefined && existing !== entry) {
      throw new Error(`activation registry: '${name}' names both ${existing.definition.spec.id} and ${id}`);
    }
    byExactName.set(key, entry);
  }
}
for (const [key, entry] of byExactName) {
  const loose = looseKey(key);
  const existing = byLooseName.get(loose);
  byLooseName.set(loose, existing === undefined || existing === entry ? entry : null);
}

/** Trims and drops a dotted module path: `torch.nn.functional.leaky_relu` → `leaky_relu`. */
function lastSegment(name: string): string {
  const trimmed = name.trim();
  const dot = trimmed.lastIndexOf(".");
  return dot >= 0 ? trimmed.slice(dot + 1) : trimmed;
}

/** Lower case, with the final sigma ς (what "Σ".toLowerCase() gives at the end of a word) read as σ. */
function lowerKey(name: string): string {
  return name.toLowerCase().replace(/ς/g, "σ");
}

function lookup(nameOrAlias: string): RegisteredActivation | undefined {
  const key = lowerKey(lastSegment(nameOrAlias));
  return byExactName.get(key) ?? byLooseName.get(looseKey(key)) ?? undefined;
}

/** The definition for an id or alias (see the lookup rules above), or undefined. */
export function getDefinition(nameOrAlias: string): ActivationDefinition | undefined {
  return lookup(nameOrAlias)?.definition;
}

/**
 * Fills every parameter (PyTorch default, or the documented fallback where PyTorch has none: `threshold` uses
 * threshold = 0, value = 0) and validates it. `id` may be an alias.
 * Throws ActivationParamError (unknown name, wrong type, out of range, inconsistent pair) or
 * UnknownActivationError.
 * The result is frozen; for no params it is one cached object per activation.
 */
export function resolveParams(id: string, params?: Params): ResolvedParams {
  const entry = lookup(id);
  if (entry === undefined) {
    throw new UnknownActivationError(id);
  }
  return entry.resolve(params);
}

/** Keys the loose (underscore-free) lookup cannot use because two activations would claim them. For tests. */
export function ambiguousLooseKeys(): readonly string[] {
  return [...byLooseName].filter(([, entry]) => entry === null).map(([key]) => key);
}
