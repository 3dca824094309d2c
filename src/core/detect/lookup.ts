/**
 * Indexes the dialect table for the detector: qualified names (`torch.nn.functional.gelu`, `keras.layers.LeakyReLU`),
 * activation strings and tensor methods per dialect, and canonicalisation of module paths as imports spell them.
 */
import { DIALECT_TABLES } from "../dialects";
import type { DialectForm } from "../dialects";
import type { Dialect } from "../types";
import { DIALECTS } from "../types";

const qualifiedIndex = new Map<string, DialectForm>();
const stringIndex = new Map<Dialect, Map<string, DialectForm>>();
const methodIndex = new Map<Dialect, Map<string, DialectForm>>();

for (const dialect of DIALECTS) {
  const strings = new Map<string, DialectForm>();
  const methods = new Map<string, DialectForm>();
  for (const form of DIALECT_TABLES[dialect].forms) {
    for (const name of form.names) {
      if (form.kind === "string") {
        strings.set(name, strings.get(name) ?? form);
      } else if (form.kind === "method") {
        methods.set(name, methods.get(name) ?? form);
      } else {
        for (const m of form.modules) {
          const key = `${m}.${name}`;
          if (!qualifiedIndex.has(key)) {
            qualifiedIndex.set(key, form);
          }
        }
      }
    }
  }
  stringIndex.set(dialect, strings);
  methodIndex.set(dialect, methods);
}

/**
 * Every last segment a detection can end in: function, layer and method names of all dialects, plus the callees the
 * detector looks inside (`partial`, Keras `Activation`).
 */
export const CANDIDATE_NAMES: ReadonlySet<string> = new Set([
  ...[...qualifiedIndex.keys()].map((k) => k.slice(k.lastIndexOf(".") + 1)),
  ...[...methodIndex.values()].flatMap((m) => [...m.keys()]),
  "partial",
  "Activation",
]);

/** The function or layer spelled by a canonical qualified name, if any. */
export function formAt(path: string): DialectForm | undefined {
  return qualifiedIndex.get(path);
}

/** The spelling of activation string `s` in `dialect`. */
export function stringForm(dialect: Dialect, s: string): DialectForm | undefined {
  return stringIndex.get(dialect)?.get(s);
}

/** The tensor method `name` in `dialect` (torch, tfjs). */
export function methodForm(dialect: Dialect, name: string): DialectForm | undefined {
  return methodIndex.get(dialect)?.get(name);
}

/** Keras `Activation` layers, whose argument is an activation string or callable. */
export const ACTIVATION_LAYERS: ReadonlyMap<string, Dialect> = new Map<string, Dialect>([
  ["keras.layers.Activation", "keras3"],
  ["tf.keras.layers.Activation", "keras2"],
]);

/**
 * Canonical form of a Python dotted path as imports resolve it:
 * `tensorflow.keras.*`, `tensorflow.python.keras.*`, `tf_keras.*` → `tf.keras.*` (Keras 2, see the detector's docs);
 * `tensorflow.compat.v1/v2.*` and `tensorflow.*` → `tf.*`; `keras_core.*` → `keras.*`;
 * `torch.nn.modules.*.X` → `torch.nn.X`; `jax._src.nn.functions.X` → `jax.nn.X`.
 */
export function canonicalPythonPath(path: string): string {
  let c = canonicalCache.get(path);
  if (c === undefined) {
    if (canonicalCache.size > 4096) {
      canonicalCache.clear();
    }
    c = computeCanonicalPythonPath(path);
    canonicalCache.set(path, c);
  }
  return c;
}

const canonicalCache = new Map<string, string>();

function computeCanonicalPythonPath(path: string): string {
  if (path.startsWith("torch.nn.modules.")) {
    return "torch.nn." + path.slice(path.lastIndexOf(".") + 1);
  }
  let p = path + ".";
  for (const compat of ["tensorflow.compat.v1.", "tensorflow.compat.v2."]) {
    if (p.startsWith(compat)) {
      p = "tensorflow." + p.slice(compat.length);
    }
  }
  const rewrites: [string, string][] = [
    ["tensorflow.python.keras.", "tf.keras."],
    ["tensorflow.keras.", "tf.keras."],
    ["tf_keras.", "tf.keras."],
    ["tensorflow.", "tf."],
    ["keras_core.", "keras."],
    ["jax._src.nn.functions.", "jax.nn."],
  ];
  for (const [from, to] of rewrites) {
    if (p.startsWith(from)) {
      p = to + p.slice(from.length);
      break;
    }
  }
  return p.slice(0, -1);
}

/** Julia: `Flux.x`, `NNlib.x`, `Lux.x`, `Flux.NNlib.x` → `NNlib.x`. */
export function canonicalJuliaPath(segments: readonly string[]): string {
  let k = 0;
  while (k < segments.length - 1 && JULIA_NN_MODULES.has(segments[k])) {
    k++;
  }
  return k > 0 ? "NNlib." + segments.slice(k).join(".") : segments.join(".");
}

/** Julia packages whose activations are NNlib's. */
export const JULIA_NN_MODULES: ReadonlySet<string> = new Set(["Flux", "NNlib", "Lux"]);

/** Dialect implied by a canonical callee path, for activation strings passed to it. */
export function dialectOfPath(path: string | undefined): Dialect | undefined {
  if (path === undefined) {
    return undefined;
  }
  if (path.startsWith("tf.keras.")) {
    return "keras2";
  }
  if (path.startsWith("keras.")) {
    return "keras3";
  }
  if (path.startsWith("torch.")) {
    return "torch";
  }
  if (path === "tfjs" || path.startsWith("tfjs.")) {
    return "tfjs";
  }
  return undefined;
}
