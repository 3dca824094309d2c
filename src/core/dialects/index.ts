/**
 * The framework-dialect table: for each framework (torch, keras2, keras3, tf, jax, flax, tfjs, flux) and canonical
 * activation id, the framework's spellings, its argument names mapped to PyTorch's, its defaults, and the semantic
 * differences (variants, derivative conventions at kinks) the core must know to show the right curve.
 */
import type { Dialect, ParamValue, Params } from "../types";
import { DIALECTS } from "../types";
import { applyForm, NO_ARGUMENTS } from "./apply";
import { TORCH_PARAMS } from "./torch-params";
import type { ArgValue, CallArguments } from "./apply";
import { FLUX } from "./flux";
import { FLAX, JAX } from "./jax";
import { KERAS2, KERAS3 } from "./keras";
import { TF } from "./tf";
import { TFJS } from "./tfjs";
import { TORCH } from "./torch";
import type { DialectForm, DialectInfo, DialectTable, FormKind, KinkDerivative, Variant } from "./types";

export type { AppliedForm, ArgValue, CallArguments, LiteralValue } from "./apply";
export { applyForm, convertLiteral, resolveReluFamily, NO_ARGUMENTS } from "./apply";
export type * from "./types";
export { CANONICAL_IDS, TORCH_PARAMS } from "./torch-params";

/** Every dialect's table. */
export const DIALECT_TABLES: Readonly<Record<Dialect, DialectTable>> = {
  torch: TORCH,
  keras2: KERAS2,
  keras3: KERAS3,
  tf: TF,
  jax: JAX,
  flax: FLAX,
  tfjs: TFJS,
  flux: FLUX,
};

/** All spellings of one dialect. */
export function dialectForms(dialect: Dialect): readonly DialectForm[] {
  return DIALECT_TABLES[dialect].forms;
}

/** Spellings of `id` in `dialect` (ReLU-family forms count for `relu` only), in table order. */
export function formsFor(id: string, dialect: Dialect): readonly DialectForm[] {
  return DIALECT_TABLES[dialect].forms.filter((f) => f.id === id);
}

/** How a module path is written in code, for display (`tfjs.layers` → `tf.layers`; NNlib names are used bare). */
function displayModule(module: string): string {
  if (module === "tfjs") {
    return "tf";
  }
  if (module.startsWith("tfjs.")) {
    return "tf." + module.slice(5);
  }
  if (module === "NNlib" || module === "Base") {
    return "";
  }
  return module;
}

function qualified(form: DialectForm): string[] {
  const out: string[] = [];
  for (const m of form.modules) {
    const prefix = displayModule(m);
    for (const n of form.names) {
      out.push(prefix ? `${prefix}.${n}` : n);
    }
  }
  return out;
}

/**
 * The parameters `id` means when written in `dialect` with `given` (PyTorch-named) parameters:
 * PyTorch's defaults ⊕ the dialect's defaults for that spelling ⊕ `given`.
 * `kind` picks the spelling (`layer`: Keras LeakyReLU → 0.3; `function`/`string`: 0.2); by default the first spelling
 * in the table (layers first for torch and Keras, functions elsewhere). Unknown (id, dialect): PyTorch's defaults ⊕ given.
 * Parameters without any default (threshold's) appear only when given.
 */
export function paramsForDialect(id: string, dialect: Dialect, given: Params = {}, kind?: FormKind): Params {
  const forms = formsFor(id, dialect);
  const form = (kind ? forms.find((f) => f.kind === kind) : undefined) ?? forms[0];
  const base = form ? applyForm(form, NO_ARGUMENTS).params : definedOnly(TORCH_PARAMS[id] ?? {});
  return { ...base, ...given };
}

function definedOnly(p: Record<string, ParamValue | undefined>): Params {
  const out: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(p)) {
    if (v !== undefined) {
      out[k] = v;
    }
  }
  return out;
}

/**
 * Maps parameters written with the dialect's own argument names (`{alpha: 0.3}` for Keras 2's LeakyReLU) to PyTorch
 * parameters for `id`, via the first spelling of `kind` (default: the first spelling). Unknown names are ignored;
 * values that cannot be expressed are listed in `unresolved`.
 */
export function mapDialectParams(
  id: string,
  dialect: Dialect,
  dialectParams: Readonly<Record<string, ParamValue>>,
  kind?: FormKind,
): { id: string; params: Params; unresolved: readonly string[] } | undefined {
  const forms = formsFor(id, dialect);
  const form = (kind ? forms.find((f) => f.kind === kind) : undefined) ?? forms[0];
  if (!form) {
    return undefined;
  }
  const keywords = new Map<string, ArgValue>();
  for (const [k, v] of Object.entries(dialectParams)) {
    keywords.set(k, { literal: true, value: v });
  }
  const args: CallArguments = { positional: [], keywords };
  const applied = applyForm(form, args);
  return { id: applied.id, params: applied.params, unresolved: applied.unresolved };
}

/** Everything known about `id` in `dialect`, or `undefined` when the framework has no spelling for it. */
export function dialectInfo(id: string, dialect: Dialect): DialectInfo | undefined {
  const table = DIALECT_TABLES[dialect];
  const forms = formsFor(id, dialect);
  if (forms.length === 0) {
    return undefined;
  }
  const functions: string[] = [];
  const layers: string[] = [];
  const methods: string[] = [];
  const strings: string[] = [];
  const paramNames: Record<string, string> = {};
  const defaultsByKind: Partial<Record<FormKind, Params>> = {};
  const variants: Variant[] = [];
  const notes: string[] = [...(table.notes[id] ?? [])];
  for (const form of forms) {
    switch (form.kind) {
      case "function":
        functions.push(...qualified(form));
        break;
      case "layer":
        layers.push(...qualified(form));
        break;
      case "method":
        methods.push(...form.names.map((n) => `${dialect === "tfjs" ? "tf.Tensor" : "Tensor"}.${n}`));
        break;
      case "string":
        strings.push(...form.names);
        break;
    }
    for (const spec of form.args) {
      if (spec.torch !== undefined) {
        paramNames[spec.name] = spec.torch;
      }
    }
    if (!defaultsByKind[form.kind]) {
      defaultsByKind[form.kind] = applyForm(form).params;
    }
    if (form.variant && table.variants[form.variant] && !variants.includes(table.variants[form.variant])) {
      variants.push(table.variants[form.variant]);
    }
    for (const n of form.notes ?? []) {
      if (!notes.includes(n)) {
        notes.push(n);
      }
    }
  }
  const kinks: readonly KinkDerivative[] = table.kinks[id] ?? [];
  return {
    id,
    dialect,
    label: table.label,
    functions: dedupe(functions),
    layers: dedupe(layers),
    methods: dedupe(methods),
    strings: dedupe(strings),
    paramNames,
    defaults: paramsForDialect(id, dialect),
    defaultsByKind,
    variants,
    notes,
    kinks,
    forms,
  };
}

function dedupe(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

/** Canonical ids each dialect can spell (for completeness checks and pickers). */
export function idsOf(dialect: Dialect): readonly string[] {
  return dedupe(DIALECT_TABLES[dialect].forms.map((f) => f.id));
}

export { DIALECTS };
