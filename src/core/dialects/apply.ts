/**
 * Turning the arguments of one call (as literals read from code, or values a caller supplies) into PyTorch
 * parameters for one spelling: positional/keyword matching, literal conversion, defaults, and the Keras/TF.js ReLU
 * family whose arguments choose the function.
 */
import type { ParamValue, Params } from "../types";
import { TORCH_PARAMS } from "./torch-params";
import type { ArgConvert, ArgSpec, DialectForm, ReluFamily } from "./types";

/** A literal as code spells it: numbers, strings, booleans, `None`/`null`/`nothing`, tuples/lists. */
export type LiteralValue = number | string | boolean | null | readonly LiteralValue[];

/** One argument: a literal with its value, or any other expression (a variable, a call, an f-string). */
export type ArgValue = { readonly literal: true; readonly value: LiteralValue } | { readonly literal: false };

/** The arguments of one call. For functions, positional[0] is the input tensor. */
export interface CallArguments {
  readonly positional: readonly ArgValue[];
  readonly keywords: ReadonlyMap<string, ArgValue>;
  /** `*args`, `**kwargs`, `...spread`: arguments that cannot be matched to names. */
  readonly splat?: boolean;
}

/** What a spelling plus its arguments means in PyTorch terms. */
export interface AppliedForm {
  /** Canonical id; differs from the form's for the ReLU family (`ReLU(max_value=6)` → relu6). */
  readonly id: string;
  /** PyTorch parameters: given literals, then this spelling's defaults, then PyTorch's; unresolved ones left out. */
  readonly params: Params;
  /** PyTorch names of parameters given as literals. */
  readonly explicit: readonly string[];
  /**
   * Parameters given as non-literal expressions or with values PyTorch cannot express: PyTorch names where a mapping
   * exists, the framework's own names otherwise (`beta` of tf.nn.silu, `max_value` of a Keras ReLU with a slope).
   */
  readonly unresolved: readonly string[];
  readonly variant?: string;
}

export const NO_ARGUMENTS: CallArguments = { positional: [], keywords: new Map() };

/** Converts a literal for one argument; `undefined` when it cannot be expressed. */
export function convertLiteral(value: LiteralValue, convert: ArgConvert = "number"): ParamValue | undefined {
  switch (convert) {
    case "number":
      return typeof value === "number" && !Number.isNaN(value) ? value : undefined;
    case "approximate":
      if (typeof value === "boolean") {
        return value ? "tanh" : "none";
      }
      return value === "tanh" || value === "none" ? value : undefined;
    case "initializer": {
      if (typeof value !== "string") {
        return undefined;
      }
      const v = value.toLowerCase();
      return v === "zeros" || v === "zero" ? 0 : v === "ones" || v === "one" ? 1 : undefined;
    }
    case "enum":
      return typeof value === "string" ? value : undefined;
  }
}

/** Per-spelling lookups computed once (spellings are immutable table entries). */
interface Prepared {
  readonly positional: readonly ArgSpec[];
  readonly byName: ReadonlyMap<string, ArgSpec>;
  /** PyTorch defaults ⊕ the spelling's defaults, without `undefined` entries. */
  readonly base: Readonly<Record<string, ParamValue>>;
  /** The result with no arguments (bare references, strings), frozen and shared. */
  noArgs?: AppliedForm;
}

const prepared = new WeakMap<DialectForm, Prepared>();

function prepare(form: DialectForm): Prepared {
  let p = prepared.get(form);
  if (p === undefined) {
    const base: Record<string, ParamValue> = {};
    for (const [name, value] of Object.entries({ ...(TORCH_PARAMS[form.id] ?? {}), ...form.defaults })) {
      if (value !== undefined) {
        base[name] = value;
      }
    }
    p = {
      positional: form.optionsObject ? [] : form.args.filter((s) => !s.keywordOnly),
      byName: new Map(form.args.map((s) => [s.name, s])),
      base,
    };
    prepared.set(form, p);
  }
  return p;
}

/** Matches positional and keyword arguments to the spelling's argument specs (Python/Julia rules). */
function matchArguments(prep: Prepared, args: CallArguments): Map<ArgSpec, ArgValue> {
  const matched = new Map<ArgSpec, ArgValue>();
  const n = Math.min(args.positional.length, prep.positional.length);
  for (let i = 0; i < n; i++) {
    matched.set(prep.positional[i], args.positional[i]);
  }
  for (const [name, value] of args.keywords) {
    const spec = prep.byName.get(name);
    if (spec) {
      matched.set(spec, value);
    }
  }
  return matched;
}

/**
 * Applies a spelling to a call's arguments.
 * params = PyTorch defaults ⊕ the spelling's defaults ⊕ given literals (converted to PyTorch names and values),
 * minus unresolved parameters and `required` ones not given. With no arguments the (frozen) result is shared.
 */
export function applyForm(form: DialectForm, args: CallArguments = NO_ARGUMENTS): AppliedForm {
  const prep = prepare(form);
  const noArgs = args.positional.length === 0 && args.keywords.size === 0 && !args.splat;
  if (noArgs && prep.noArgs !== undefined) {
    return prep.noArgs;
  }
  const result = computeApplied(form, prep, args);
  if (noArgs) {
    Object.freeze(result.params);
    Object.freeze(result.explicit);
    Object.freeze(result.unresolved);
    prep.noArgs = Object.freeze(result);
  }
  return result;
}

function computeApplied(form: DialectForm, prep: Prepared, args: CallArguments): AppliedForm {
  const matched = matchArguments(prep, args);
  if (form.reluFamily) {
    return resolveReluFamily(form.reluFamily, matched);
  }
  const explicit: Record<string, ParamValue> = {};
  const explicitNames: string[] = [];
  const unresolved: string[] = [];
  for (const [spec, value] of matched) {
    if (spec.input) {
      continue;
    }
    if (spec.torch !== undefined) {
      const converted = value.literal ? convertLiteral(value.value, spec.convert) : undefined;
      if (converted === undefined) {
        unresolved.push(spec.torch);
      } else {
        if (!(spec.torch in explicit)) {
          explicitNames.push(spec.torch);
        }
        explicit[spec.torch] = converted;
      }
    } else if (spec.neutral !== undefined) {
      if (!value.literal || value.value !== spec.neutral) {
        unresolved.push(spec.name);
      }
    }
  }
  if (args.splat) {
    for (const spec of form.args) {
      if (spec.torch !== undefined && !(spec.torch in explicit) && !unresolved.includes(spec.torch)) {
        unresolved.push(spec.torch);
      }
    }
  }
  const params: Record<string, ParamValue> = { ...prep.base };
  for (const spec of form.args) {
    if (spec.required && spec.torch !== undefined && !matched.has(spec)) {
      delete params[spec.torch];
    }
  }
  for (const name of explicitNames) {
    params[name] = explicit[name];
  }
  for (const name of unresolved) {
    delete params[name];
  }
  return {
    id: form.id,
    params,
    explicit: explicitNames.filter((n) => !unresolved.includes(n)),
    unresolved: dedupe(unresolved),
    ...(form.variant ? { variant: form.variant } : {}),
  };
}

function dedupe(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

/**
 * Keras `relu`/`ReLU` and TF.js `reLU`: slope s (default 0), cap m (default none), threshold t (default 0).
 * - all defaults → relu;  m = 6 → relu6;  other m → hardtanh(min_val=0, max_val=m) (the same clamp);
 * - s ≠ 0 alone → leaky_relu(negative_slope=s);  t ≠ 0 alone → threshold(threshold=t, value=0)
 *   (Keras computes x·(x > t), i.e. x for x > t else 0, exactly torch's threshold);
 * - anything else (two of them, non-literals, non-numbers) → relu with the offending names unresolved.
 */
export function resolveReluFamily(family: ReluFamily, matched: ReadonlyMap<ArgSpec, ArgValue>): AppliedForm {
  const byName = new Map<string, ArgValue>();
  for (const [spec, value] of matched) {
    byName.set(spec.name, value);
  }
  const unresolved: string[] = [];
  const read = (name: string | undefined, absent: number | null): number | null => {
    if (name === undefined) {
      return absent;
    }
    const v = byName.get(name);
    if (v === undefined || (v.literal && v.value === null)) {
      return absent;
    }
    if (!v.literal || typeof v.value !== "number") {
      unresolved.push(name);
      return absent;
    }
    return v.value;
  };
  const s = read(family.slope, 0) ?? 0;
  const m = read(family.max, null);
  const t = read(family.threshold, 0) ?? 0;
  const relu: AppliedForm = { id: "relu", params: {}, explicit: [], unresolved };
  if (unresolved.length > 0) {
    return relu;
  }
  const nonDefault = [s !== 0 ? family.slope : undefined, m !== null ? family.max : undefined, t !== 0 ? family.threshold : undefined].filter(
    (n): n is string => n !== undefined,
  );
  if (nonDefault.length === 0) {
    return relu;
  }
  if (nonDefault.length > 1) {
    return { ...relu, unresolved: nonDefault };
  }
  if (m !== null) {
    return m === 6
      ? { id: "relu6", params: {}, explicit: [], unresolved: [] }
      : { id: "hardtanh", params: { min_val: 0, max_val: m }, explicit: ["max_val"], unresolved: [] };
  }
  if (s !== 0) {
    return { id: "leaky_relu", params: { negative_slope: s }, explicit: ["negative_slope"], unresolved: [] };
  }
  return { id: "threshold", params: { threshold: t, value: 0 }, explicit: ["threshold"], unresolved: [] };
}
