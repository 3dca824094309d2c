/**
 * `defineActivation`: turns one activation's template (spec fields + scalar math + parameter checks) into an
 * {@link ActivationDefinition} whose spec's `kinks(params)` / `gain(params)` resolve their parameters.
 * Every family file builds its definitions with it; `registry.ts` collects them.
 */
import type { ActivationSpec, ParamSpec, ParamValue, Params } from "../types";
import { ActivationParamError } from "./errors";

/** Parameters with every entry filled (PyTorch default or the documented fallback) and validated. */
export type ResolvedParams = Readonly<Record<string, ParamValue>>;

export interface ActivationDefinition {
  readonly spec: ActivationSpec;
  /** float64 scalar f(x). For kind 'vector' specs this is undefined. */
  readonly f?: (x: number, p: ResolvedParams) => number;
  /** float64 scalar df/dx with torch autograd's convention at kinks. */
  readonly df?: (x: number, p: ResolvedParams) => number;
  /**
   * Where `df` pays for extra precision (double-double near a zero of f′): the plain float64 formula, within
   * {@link DF_QUICK_TOLERANCE} of `df` (absolute) for every x, NaN where `df` is NaN. For decisions such as
   * |f′(x)| < ε over many values: decide on `dfQuick` unless it lies within the tolerance of the bound, and
   * only then ask `df` (see `ScalarActivation.derivativeBelow`). Undefined where `df` is already cheap.
   */
  readonly dfQuick?: (x: number, p: ResolvedParams) => number;
}

/** The absolute error bound of every {@link ActivationDefinition.dfQuick} against `df` (tested with a 10× margin). */
export const DF_QUICK_TOLERANCE = 1e-12;

/** What a family file writes for one activation. */
export interface ActivationTemplate extends Omit<ActivationSpec, "kinks" | "gain"> {
  /** Kinks for resolved parameters (see {@link ActivationSpec.kinks}). */
  readonly kinks: (p: ResolvedParams) => readonly number[];
  /** `torch.nn.init.calculate_gain`, only where torch defines one. */
  readonly gain?: (p: ResolvedParams) => number;
  /**
   * Value used when a parameter has no PyTorch default (`ParamSpec.default === undefined`), by name.
   * Documented in that parameter's description.
   */
  readonly fallbacks?: Readonly<Record<string, ParamValue>>;
  /** Checks across parameters (e.g. min_val < max_val); throw via {@link paramError}. */
  readonly validate?: (p: ResolvedParams) => void;
  readonly f?: (x: number, p: ResolvedParams) => number;
  readonly df?: (x: number, p: ResolvedParams) => number;
  readonly dfQuick?: (x: number, p: ResolvedParams) => number;
}

/** A definition plus the resolver the registry uses for `resolveParams`. */
export interface RegisteredActivation {
  readonly definition: ActivationDefinition;
  readonly resolve: (params?: Params) => ResolvedParams;
}

/** Throws the registry's parameter error: `<id>: <reason>`. */
export function paramError(id: string, param: string | undefined, reason: string): never {
  throw new ActivationParamError(id, param, reason);
}

function show(v: unknown): string {
  return typeof v === "string" ? `'${v}'` : String(v);
}

function checkOne(id: string, spec: ParamSpec, v: ParamValue): void {
  const name = spec.name;
  if (spec.kind === "boolean") {
    if (typeof v !== "boolean") {
      paramError(id, name, `${name} must be a boolean (got ${show(v)})`);
    }
    return;
  }
  if (spec.kind === "enum") {
    const options = spec.options ?? [];
    if (typeof v !== "string" || !options.includes(v)) {
      paramError(id, name, `${name} must be one of ${options.map((o) => `'${o}'`).join(", ")} (got ${show(v)})`);
    }
    return;
  }
  if (typeof v !== "number" || !Number.isFinite(v)) {
    paramError(id, name, `${name} must be a finite number (got ${show(v)})`);
  }
  if (spec.min !== undefined && (spec.minExclusive === true ? !(v > spec.min) : !(v >= spec.min))) {
    paramError(id, name, `${name} (${v}) must be ${spec.minExclusive === true ? ">" : "≥"} ${spec.min}`);
  }
  if (spec.max !== undefined && (spec.maxExclusive === true ? !(v < spec.max) : !(v <= spec.max))) {
    paramError(id, name, `${name} (${v}) must be ${spec.maxExclusive === true ? "<" : "≤"} ${spec.max}`);
  }
}

/**
 * Fills and validates parameters against a parameter list: unknown names, wrong types and out-of-range values
 * throw {@link ActivationParamError}; missing ones take the PyTorch default (or the documented fallback).
 */
export function resolveAgainst(
  id: string,
  specs: readonly ParamSpec[],
  fallbacks: Readonly<Record<string, ParamValue>>,
  params: Params | undefined,
  validate?: (p: ResolvedParams) => void,
): ResolvedParams {
  if (params != null) {
    for (const key of Object.keys(params)) {
      if (!specs.some((s) => s.name === key)) {
        const known = specs.length === 0 ? "it takes no parameters" : `expected ${specs.map((s) => s.name).join(", ")}`;
        paramError(id, key, `unknown param '${key}' (${known})`);
      }
    }
  }
  const out: Record<string, ParamValue> = {};
  for (const spec of specs) {
    // a key present with the value undefined (`{ negative_slope: undefined }`) counts as absent: the default
    const given =
      params != null && Object.prototype.hasOwnProperty.call(params, spec.name) && params[spec.name] !== undefined;
    const v = given ? params[spec.name] : (spec.default ?? fallbacks[spec.name]);
    if (v === undefined) {
      paramError(id, spec.name, `${spec.name} is required`);
    }
    checkOne(id, spec, v);
    out[spec.name] = v;
  }
  validate?.(out);
  return Object.freeze(out);
}

/** Builds a definition (and its resolver) from a template. */
export function defineActivation(t: ActivationTemplate): RegisteredActivation {
  const fallbacks = t.fallbacks ?? {};
  let defaults: ResolvedParams | undefined;
  const resolve = (params?: Params): ResolvedParams => {
    if (params == null || Object.keys(params).length === 0) {
      defaults ??= resolveAgainst(t.id, t.params, fallbacks, undefined, t.validate);
      return defaults;
    }
    return resolveAgainst(t.id, t.params, fallbacks, params, t.validate);
  };
  const gain = t.gain;
  const spec: ActivationSpec = Object.freeze({
    id: t.id,
    label: t.label,
    kind: t.kind,
    aliases: Object.freeze([...t.aliases]),
    params: Object.freeze(t.params.map((p) => Object.freeze({ ...p }))),
    formula: Object.freeze({ ...t.formula }),
    derivativeFormula: Object.freeze({ ...t.derivativeFormula }),
    range: Object.freeze({ ...t.range }),
    properties: Object.freeze({ ...t.properties }),
    summary: t.summary,
    kinks: (params?: Params) => Object.freeze([...t.kinks(resolve(params))]),
    ...(gain === undefined ? {} : { gain: (params?: Params) => gain(resolve(params)) }),
  });
  const definition: ActivationDefinition = Object.freeze({
    spec,
    ...(t.f === undefined ? {} : { f: t.f }),
    ...(t.df === undefined ? {} : { df: t.df }),
    ...(t.dfQuick === undefined ? {} : { dfQuick: t.dfQuick }),
  });
  return { definition, resolve };
}

/** Reads a resolved number parameter (resolution already checked its type). */
export function num(p: ResolvedParams, name: string): number {
  return p[name] as number;
}
