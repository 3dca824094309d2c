/**
 * What the names in a document refer to, from its imports: `nn` is torch.nn in one file and flax.linen in another;
 * `F` is torch.nn.functional; `layers` is Keras 2's or Keras 3's; `tf` is TensorFlow in Python and TF.js in
 * JavaScript. Also records rebindings (`nn = NearestNeighbors()`, `def relu(...)`) so a shadowed name stops resolving,
 * and the token ranges of import statements (never activations themselves). In Python, a binding inside a function
 * body (an assignment, a loop variable, an import) is local to that body; class bodies and other languages' blocks
 * are not scopes here.
 *
 * Dialect decisions (documented for users):
 * - `tensorflow.keras` / `tf.keras` / `tf_keras` are Keras 2 (the `tf.keras` of TF ≤ 2.15); `import keras` and
 *   `from keras import ...` are Keras 3. (From TF 2.16, `tf.keras` is Keras 3 unless `tf_keras` is installed; a
 *   source file cannot tell, so the older, more common meaning is used.)
 * - A document without any import statement (a notebook cell, a snippet) uses conventional aliases:
 *   Python `torch`, `F` (torch.nn.functional), `nn` (flax.linen when the text uses `nn.compact`/`nn.Dense`/`nn.Embed`,
 *   else torch.nn), `tf`, `keras` (3), `jax`, `jnn`, `jnp`; Julia: NNlib's names unqualified.
 * - In JavaScript an unbound `tf` is the TF.js global (script-tag use).
 */
import type { Dialect } from "../types";
import { canonicalPythonPath, JULIA_NN_MODULES } from "./lookup";
import type { Language } from "./literals";
import type { TokenStream } from "./tokens";
import { isName, isPunct } from "./tokens";

interface Binding {
  readonly pos: number;
  /** Qualified target (`torch.nn`, `tfjs`, `NNlib.relu`), or null when the name is rebound to something unknown. */
  readonly target: string | null;
  /** For a binding inside a Python function body: where that body ends (the binding is local to it). */
  readonly scopeEnd?: number;
}

export interface Environment {
  readonly language: Language;
  /** 1 for tokens inside import statements. */
  readonly skip: Uint8Array;
  /** Document has at least one import / using / require. */
  readonly hasImports: boolean;
  /**
   * Qualified path the root name refers to at `offset`: a string, `null` when bound to something unknown (a local
   * variable, another package), `undefined` when never bound.
   */
  resolveRoot(name: string, offset: number): string | null | undefined;
  /** Dialect for tensor methods (`x.relu()`), when the document uses torch (Python) or TF.js (JS). */
  readonly methodDialect: Dialect | undefined;
  /** Dialect of activation strings whose callee does not say (`MyBlock(activation="gelu")`). */
  readonly stringDialect: Dialect;
  /** Local names bound by imports (`r` in `from torch.nn.functional import relu as r`). */
  readonly importedNames: ReadonlySet<string>;
}

class BindingTable {
  private readonly byName = new Map<string, Binding[]>();

  /** `scopeEnd`: the binding is local to a function body ending there (Python); absent: module level. */
  bind(name: string, pos: number, target: string | null, scopeEnd?: number): void {
    const b: Binding = scopeEnd === undefined ? { pos, target } : { pos, target, scopeEnd };
    const list = this.byName.get(name);
    if (list) {
      list.push(b);
    } else {
      this.byName.set(name, [b]);
    }
  }

  /**
   * The latest binding at or before `pos` whose scope reaches `pos` (a function's local binding does not reach past
   * its body); else the first module-level one (imports below a function body still apply in it).
   */
  lookup(name: string, pos: number): string | null | undefined {
    const list = this.byName.get(name);
    if (!list) {
      return undefined;
    }
    // Bindings are added in token order, so `list` is sorted by pos: binary search for the last pos ≤ `pos`.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].pos <= pos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (let k = lo - 1; k >= 0; k--) {
      const b = list[k];
      if (b.scopeEnd === undefined || pos < b.scopeEnd) {
        return b.target;
      }
    }
    return list.find((b) => b.scopeEnd === undefined)?.target;
  }

  /** Names with at least one binding to a known target. */
  boundNames(): Set<string> {
    const out = new Set<string>();
    for (const [name, list] of this.byName) {
      if (list.some((b) => b.target !== null)) {
        out.add(name);
      }
    }
    return out;
  }

  targets(): string[] {
    const out: string[] = [];
    for (const list of this.byName.values()) {
      for (const b of list) {
        if (b.target !== null) {
          out.push(b.target);
        }
      }
    }
    return out;
  }
}

function markSkip(skip: Uint8Array, from: number, to: number): void {
  skip.fill(1, from, Math.min(to, skip.length));
}

/** Reads `a.b.c` from token `k`; returns the dotted text and the index after it. */
function dotted(stream: TokenStream, k: number): [string, number] {
  const { tokens } = stream;
  if (!isName(tokens[k])) {
    return ["", k];
  }
  let text = tokens[k].text;
  let j = k + 1;
  while (isPunct(tokens[j], ".") && isName(tokens[j + 1])) {
    text += "." + tokens[j + 1].text;
    j += 2;
  }
  return [text, j];
}

// ------------------------------------------------------------------------------------------------ Python

const FLAX_MARKERS = new Set(["compact", "Dense", "Embed", "Conv", "scan", "remat"]);

/**
 * Python function bodies, as [start, end) offsets, innermost last among those that nest: from the colon of a `def`
 * header to the first later line (outside brackets) indented no deeper than the `def`'s line. Comments and blank
 * lines make no tokens, so they never end a body.
 */
function pythonDefScopes(stream: TokenStream, text: string): { start: number; end: number }[] {
  const { tokens, parent } = stream;
  const n = tokens.length;
  const indentAt = (offset: number): number => {
    const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
    let k = lineStart;
    while (k < offset && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) {
      k++;
    }
    return k - lineStart;
  };
  const startsLine = (j: number): boolean => j === 0 || text.lastIndexOf("\n", tokens[j].start - 1) >= tokens[j - 1].end;
  const scopes: { start: number; end: number }[] = [];
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (t.kind !== "name" || t.text !== "def" || parent[i] >= 0 || isPunct(tokens[i - 1], ".")) {
      continue;
    }
    let colon = i + 1;
    while (colon < n && !(isPunct(tokens[colon], ":") && parent[colon] < 0)) {
      colon++;
    }
    if (colon >= n) {
      break;
    }
    const indent = indentAt(t.start);
    let end = text.length;
    for (let j = colon + 1; j < n; j++) {
      if (parent[j] < 0 && startsLine(j) && indentAt(tokens[j].start) <= indent) {
        end = tokens[j].start;
        break;
      }
    }
    scopes.push({ start: tokens[colon].end, end });
  }
  return scopes;
}

function pythonEnvironment(stream: TokenStream, text?: string): Environment {
  const { tokens, parent } = stream;
  const n = tokens.length;
  const skip = new Uint8Array(n);
  const table = new BindingTable();
  // Bindings inside a function body are local to it (`N, T, F = x.shape` in one def must not hide torch's F in the
  // next one). Scopes are sorted by start; the innermost containing a position is the last one that starts before it.
  const scopes = text === undefined ? [] : pythonDefScopes(stream, text);
  // Bindings are met in position order, so the open scopes are a stack walked once (linear in bindings + scopes).
  const open: { start: number; end: number }[] = [];
  let next = 0;
  const scopeEndAt = (pos: number): number | undefined => {
    while (next < scopes.length && scopes[next].start <= pos) {
      const sc = scopes[next++];
      while (open.length > 0 && open[open.length - 1].end <= sc.start) {
        open.pop();
      }
      open.push(sc);
    }
    while (open.length > 0 && open[open.length - 1].end <= pos) {
      open.pop();
    }
    return open.length > 0 ? open[open.length - 1].end : undefined;
  };
  const stars: { pos: number; module: string }[] = [];
  let hasImports = false;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (skip[i] || t.kind !== "name" || isPunct(tokens[i - 1], ".")) {
      continue;
    }
    if (t.text === "import") {
      // import a.b.c [as d], e
      hasImports = true;
      let k = i + 1;
      for (;;) {
        const [mod, after] = dotted(stream, k);
        if (!mod) {
          break;
        }
        k = after;
        if (isName(tokens[k], "as") && isName(tokens[k + 1])) {
          table.bind(tokens[k + 1].text, t.start, mod, scopeEndAt(t.start));
          k += 2;
        } else {
          const root = mod.split(".")[0];
          table.bind(root, t.start, root, scopeEndAt(t.start));
        }
        if (!isPunct(tokens[k], ",")) {
          break;
        }
        k++;
      }
      markSkip(skip, i, k);
    } else if (t.text === "from") {
      // from [.]*a.b import (x [as y], ...) | *
      let k = i + 1;
      let relative = false;
      while (isPunct(tokens[k], ".") || isPunct(tokens[k], "...")) {
        relative = true;
        k++;
      }
      const [mod, after] = dotted(stream, k);
      k = after;
      if (!isName(tokens[k], "import") || (!mod && !relative)) {
        continue;
      }
      hasImports = true;
      k++;
      const paren = isPunct(tokens[k], "(");
      if (paren) {
        k++;
      }
      if (isPunct(tokens[k], "*")) {
        if (!relative) {
          stars.push({ pos: t.start, module: mod });
        }
        k++;
      } else {
        while (isName(tokens[k])) {
          const name = tokens[k].text;
          let local = name;
          k++;
          if (isName(tokens[k], "as") && isName(tokens[k + 1])) {
            local = tokens[k + 1].text;
            k += 2;
          }
          table.bind(local, t.start, relative ? null : `${mod}.${name}`, scopeEndAt(t.start));
          if (!isPunct(tokens[k], ",")) {
            break;
          }
          k++;
        }
      }
      if (paren && isPunct(tokens[k], ")")) {
        k++;
      }
      markSkip(skip, i, k);
    } else if (t.text === "def" || t.text === "class") {
      if (isName(tokens[i + 1])) {
        table.bind(tokens[i + 1].text, tokens[i + 1].start, null, scopeEndAt(tokens[i + 1].start));
      }
    } else if ((t.text === "as" || t.text === "for") && isName(tokens[i + 1])) {
      table.bind(tokens[i + 1].text, tokens[i + 1].start, null, scopeEndAt(tokens[i + 1].start));
    } else if (parent[i] < 0 && isPunct(tokens[i + 1], "=")) {
      table.bind(t.text, t.start, null, scopeEndAt(t.start));
    }
  }

  const fallback = new Map<string, string>();
  if (!hasImports) {
    let flax = false;
    for (let i = 0; i + 2 < n && !flax; i++) {
      flax = isName(tokens[i], "nn") && isPunct(tokens[i + 1], ".") && FLAX_MARKERS.has(tokens[i + 2].text);
    }
    const aliases: [string, string][] = [
      ["torch", "torch"],
      ["F", "torch.nn.functional"],
      ["nn", flax ? "flax.linen" : "torch.nn"],
      ["tf", "tensorflow"],
      ["keras", "keras"],
      ["jax", "jax"],
      ["jnn", "jax.nn"],
      ["jnp", "jax.numpy"],
    ];
    for (const [k, v] of aliases) {
      fallback.set(k, v);
    }
  }

  const targets = table.targets().map(canonicalPythonPath);
  const uses = (prefix: string) => targets.some((p) => p === prefix || p.startsWith(prefix + "."));
  const stringDialect: Dialect = uses("keras")
    ? "keras3"
    : uses("tf") || uses("tf.keras")
      ? "keras2"
      : uses("torch")
        ? "torch"
        : "keras3";
  const methodDialect: Dialect | undefined = uses("torch") || !hasImports ? "torch" : undefined;

  return {
    language: "python",
    skip,
    importedNames: table.boundNames(),
    hasImports,
    methodDialect,
    stringDialect,
    resolveRoot(name, offset) {
      const bound = table.lookup(name, offset);
      if (bound !== undefined) {
        return bound;
      }
      for (let s = stars.length - 1; s >= 0; s--) {
        if (stars[s].pos <= offset) {
          return `${stars[s].module}.${name}`;
        }
      }
      return fallback.get(name);
    },
  };
}

// ------------------------------------------------------------------------------------------------ JavaScript

const TFJS_PACKAGE = /^@tensorflow\/tfjs(?:-core|-node|-node-gpu|-layers|-backend-[a-z]+)?$/;

function jsEnvironment(stream: TokenStream): Environment {
  const { tokens, match } = stream;
  const n = tokens.length;
  const skip = new Uint8Array(n);
  const table = new BindingTable();
  let hasImports = false;
  let usesTfjs = false;
  const targetOf = (spec: string | undefined) => (spec !== undefined && TFJS_PACKAGE.test(spec) ? "tfjs" : null);

  /** Binds `{ a, b as c, d: e }` specifiers from the `{` at `open`. */
  const bindSpecifiers = (open: number, pos: number, target: string | null) => {
    const close = match[open];
    if (close < 0) {
      return;
    }
    for (let k = open + 1; k < close; k++) {
      if (!isName(tokens[k]) || isName(tokens[k], "type")) {
        continue;
      }
      const name = tokens[k].text;
      let local = name;
      if ((isName(tokens[k + 1], "as") || isPunct(tokens[k + 1], ":")) && isName(tokens[k + 2])) {
        local = tokens[k + 2].text;
        k += 2;
      }
      table.bind(local, pos, target === null ? null : `${target}.${name}`);
      while (k + 1 < close && !isPunct(tokens[k + 1], ",")) {
        k++;
      }
    }
  };

  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (skip[i] || t.kind !== "name" || isPunct(tokens[i - 1], ".")) {
      continue;
    }
    if (t.text === "import" && !isPunct(tokens[i + 1], "(")) {
      // import X, * as Y, { a as b } from 'pkg';  import X = require('pkg')
      let k = i + 1;
      if (isName(tokens[k], "type")) {
        k++;
      }
      const locals: { kind: "default" | "ns" | "named"; at: number }[] = [];
      for (let guard = 0; guard < 4; guard++) {
        if (isPunct(tokens[k], "*") && isName(tokens[k + 1], "as") && isName(tokens[k + 2])) {
          locals.push({ kind: "ns", at: k + 2 });
          k += 3;
        } else if (isPunct(tokens[k], "{") && match[k] > k) {
          locals.push({ kind: "named", at: k });
          k = match[k] + 1;
        } else if (isName(tokens[k]) && !isName(tokens[k], "from")) {
          locals.push({ kind: "default", at: k });
          k++;
        }
        if (!isPunct(tokens[k], ",")) {
          break;
        }
        k++;
      }
      let spec: string | undefined;
      if (isName(tokens[k], "from") && tokens[k + 1]?.kind === "string") {
        spec = tokens[k + 1].value;
        k += 2;
      } else if (isPunct(tokens[k], "=") && isName(tokens[k + 1], "require") && tokens[k + 3]?.kind === "string") {
        spec = tokens[k + 3].value;
        k += 5;
      } else if (tokens[k]?.kind === "string") {
        k++;
      } else {
        continue;
      }
      hasImports = true;
      const target = targetOf(spec);
      usesTfjs ||= target !== null;
      for (const l of locals) {
        if (l.kind === "named") {
          bindSpecifiers(l.at, t.start, target);
        } else {
          table.bind(tokens[l.at].text, t.start, target);
        }
      }
      markSkip(skip, i, k);
    } else if ((t.text === "const" || t.text === "let" || t.text === "var") && (isName(tokens[i + 1]) || isPunct(tokens[i + 1], "{"))) {
      // const X = require('pkg') | const { a, b: c } = require('pkg') | const X = anything
      const pattern = i + 1;
      const afterPattern = isPunct(tokens[pattern], "{") ? match[pattern] + 1 : pattern + 1;
      if (afterPattern <= 0 || !isPunct(tokens[afterPattern], "=")) {
        continue;
      }
      const req = afterPattern + 1;
      const isRequire = isName(tokens[req], "require") && isPunct(tokens[req + 1], "(") && tokens[req + 2]?.kind === "string";
      const target = isRequire ? targetOf(tokens[req + 2].value) : null;
      if (isRequire) {
        hasImports = true;
        usesTfjs ||= target !== null;
        markSkip(skip, i, req + 4);
      }
      if (isPunct(tokens[pattern], "{")) {
        bindSpecifiers(pattern, t.start, target);
        markSkip(skip, pattern, afterPattern);
      } else {
        table.bind(tokens[pattern].text, t.start, target);
      }
    } else if ((t.text === "function" || t.text === "class") && isName(tokens[i + 1])) {
      table.bind(tokens[i + 1].text, tokens[i + 1].start, null);
    }
  }
  for (let i = 0; i + 1 < n && !usesTfjs; i++) {
    usesTfjs = isName(tokens[i], "tf") && isPunct(tokens[i + 1], ".") && table.lookup("tf", tokens[i].start) === undefined;
  }
  return {
    language: "js",
    skip,
    importedNames: table.boundNames(),
    hasImports,
    methodDialect: usesTfjs ? "tfjs" : undefined,
    stringDialect: "tfjs",
    resolveRoot(name, offset) {
      const bound = table.lookup(name, offset);
      if (bound !== undefined) {
        return bound;
      }
      return name === "tf" ? "tfjs" : undefined;
    },
  };
}

// ------------------------------------------------------------------------------------------------ Julia

function juliaEnvironment(stream: TokenStream): Environment {
  const { tokens, parent, match } = stream;
  const n = tokens.length;
  const skip = new Uint8Array(n);
  const table = new BindingTable();
  let hasImports = false;
  let nnUsing = false;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (skip[i] || t.kind !== "name" || isPunct(tokens[i - 1], ".")) {
      continue;
    }
    if (t.text === "using" || t.text === "import") {
      hasImports = true;
      let k = i + 1;
      for (;;) {
        const [mod, after] = dotted(stream, k);
        if (!mod) {
          break;
        }
        k = after;
        const root = mod.split(".")[0];
        const nnModule = JULIA_NN_MODULES.has(root);
        if (isPunct(tokens[k], ":")) {
          k++;
          while (isName(tokens[k])) {
            table.bind(tokens[k].text, t.start, nnModule ? `NNlib.${tokens[k].text}` : null);
            k++;
            if (!isPunct(tokens[k], ",")) {
              break;
            }
            k++;
          }
          break;
        }
        if (nnModule) {
          table.bind(root, t.start, "NNlib");
          nnUsing ||= t.text === "using";
        } else {
          table.bind(root, t.start, null);
        }
        if (!isPunct(tokens[k], ",")) {
          break;
        }
        k++;
      }
      markSkip(skip, i, k);
    } else if (t.text === "function" || t.text === "macro" || t.text === "struct" || t.text === "const" || t.text === "local") {
      if (isName(tokens[i + 1])) {
        table.bind(tokens[i + 1].text, tokens[i + 1].start, null);
        if ((t.text === "function" || t.text === "macro") && isPunct(tokens[i + 2], "(") && match[i + 2] > i) {
          markSkip(skip, i + 2, match[i + 2] + 1); // parameter names (`function f(x, σ)`) are not references
        }
      }
    } else if (parent[i] < 0 && isPunct(tokens[i + 1], "=")) {
      table.bind(t.text, t.start, null);
    } else if (parent[i] < 0 && isPunct(tokens[i + 1], "(") && match[i + 1] > i && isPunct(tokens[match[i + 1] + 1], "=")) {
      table.bind(t.text, t.start, null); // short-form definition `relu(x) = ...`
      markSkip(skip, i + 1, match[i + 1] + 1);
    }
  }
  const unqualified = nnUsing || !hasImports;
  return {
    language: "julia",
    skip,
    importedNames: table.boundNames(),
    hasImports,
    methodDialect: undefined,
    stringDialect: "flux",
    resolveRoot(name, offset) {
      const bound = table.lookup(name, offset);
      if (bound !== undefined) {
        return bound;
      }
      if (!hasImports && JULIA_NN_MODULES.has(name)) {
        return "NNlib";
      }
      if (name === "Base") {
        return "Base";
      }
      return unqualified ? `NNlib.${name}` : undefined;
    },
  };
}

/** The environment of one document. */
export function collectEnvironment(stream: TokenStream, language: Language, text?: string): Environment {
  switch (language) {
    case "python":
      return pythonEnvironment(stream, text);
    case "js":
      return jsEnvironment(stream);
    case "julia":
      return juliaEnvironment(stream);
  }
}
