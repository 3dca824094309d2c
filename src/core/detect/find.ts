/**
 * Finds activation calls and references in one document's tokens:
 * - calls and bare references to framework functions and layers, resolved through the document's imports
 *   (`nn.LeakyReLU(0.2)`, `F.gelu(x, approximate="tanh")`, `activation=tf.nn.relu`, Flux `Dense(10 => 5, relu)`);
 * - tensor methods (`x.relu()`, `x.softmax(dim=1)`; TF.js `x.leakyRelu(0.2)`);
 * - activation strings given to `activation=` / `*_activation=` / `hidden_act=` keywords (Python) or
 *   `activation:` / `*Activation:` properties (JavaScript), and to Keras `Activation("gelu")`;
 * - `functools.partial(F.leaky_relu, negative_slope=0.2)`.
 * One pass over the tokens; each call's arguments are read once (linear in the document).
 */
import { applyForm, NO_ARGUMENTS } from "../dialects";
import type { AppliedForm, CallArguments, DialectForm, FormKind } from "../dialects";
import type { Dialect, Params } from "../types";
import { argumentRanges, parseCallArgs, parseOptionsObject } from "./arguments";
import { collectEnvironment } from "./bindings";
import type { Environment } from "./bindings";
import type { Language } from "./literals";
import { ACTIVATION_LAYERS, CANDIDATE_NAMES, canonicalJuliaPath, canonicalPythonPath, dialectOfPath, formAt, methodForm, stringForm } from "./lookup";
import { tokenizeJs } from "./tokenize-js";
import { tokenizeJulia } from "./tokenize-julia";
import { tokenizePython } from "./tokenize-python";
import { buildStream, isName, isPunct } from "./tokens";
import type { Token, TokenStream } from "./tokens";

/** One activation found in a document. */
export interface DetectedActivation {
  /** Canonical id (PyTorch functional name). */
  readonly id: string;
  /**
   * PyTorch parameters: literal arguments mapped to PyTorch names, then this spelling's defaults in its dialect, then
   * PyTorch's. Unresolved parameters are left out (a hover can show them as unknown).
   */
  readonly params: Params;
  readonly dialect: Dialect;
  /**
   * Span (UTF-16 offsets, end exclusive): the whole call including its arguments; for an activation string the
   * string literal; for a bare reference (`jax.nn.silu`, Flux `relu`) the name.
   */
  readonly start: number;
  readonly end: number;
  /** Parameters given as non-literal expressions or not expressible in PyTorch (PyTorch names where they map). */
  readonly unresolved: readonly string[];
  /** PyTorch names of parameters given explicitly as literals (the rest are dialect defaults). */
  readonly explicit: readonly string[];
  /** The callee as written (`nn.LeakyReLU`, `x.relu`, `σ`); for strings the literal with its quotes. */
  readonly callee: string;
  /** How it was spelled: function call/reference, layer, tensor method or activation string. */
  readonly kind: FormKind;
  /** Set when the framework's function differs from PyTorch's for any parameters (see the dialect's variants). */
  readonly variant?: string;
}

const PY_ACTIVATION_KEYS = new Set(["activation", "act", "act_layer", "act_fn", "activation_fn", "activation_function", "hidden_act"]);

function isActivationKey(name: string, language: Language): boolean {
  if (language === "python") {
    return PY_ACTIVATION_KEYS.has(name) || name.endsWith("_activation");
  }
  return name === "activation" || name.endsWith("Activation");
}

type RootState = "module" | "local" | "unbound";

/** Julia: tokens after which, and before which, a bare name is a function reference. */
const JULIA_REF_BEFORE = new Set(["(", ",", "=", "|>", ";", "[", "{", "∘", "=>"]);
const JULIA_REF_AFTER = new Set([",", ")", "]", "}", ";", "|>", "∘"]);

class Scanner {
  private readonly tokens: readonly Token[];
  private readonly match: Int32Array;
  private readonly parent: Int32Array;
  private readonly consumed: Uint8Array;
  private readonly out: DetectedActivation[] = [];
  private readonly calleeCache = new Map<number, string | undefined>();

  constructor(
    private readonly text: string,
    private readonly stream: TokenStream,
    private readonly env: Environment,
    private readonly language: Language,
  ) {
    this.tokens = stream.tokens;
    this.match = stream.match;
    this.parent = stream.parent;
    this.consumed = new Uint8Array(this.tokens.length);
  }

  run(): DetectedActivation[] {
    const { tokens, env } = this;
    for (let i = 0; i < tokens.length; i++) {
      if (env.skip[i] || this.consumed[i]) {
        continue;
      }
      const t = tokens[i];
      if (t.kind === "name" && !this.afterDot(i)) {
        this.onChain(i);
      } else if (
        this.language !== "julia" &&
        isPunct(t, ".") &&
        (isPunct(tokens[i - 1], ")") || isPunct(tokens[i - 1], "]")) &&
        isName(tokens[i + 1]) &&
        isPunct(tokens[i + 2], "(")
      ) {
        this.onMethod(i + 1, i + 1, tokens[i + 1].text);
      } else if (t.kind === "string" && t.value !== undefined && this.language !== "julia") {
        this.onKeywordString(i);
      }
    }
    return this.out.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  private afterDot(i: number): boolean {
    const prev = this.tokens[i - 1];
    return isPunct(prev, ".") || isPunct(prev, "?.");
  }

  /** Maximal `a.b.c` from name token `i`: index of its last name and the segments. */
  private chainAt(i: number): { last: number; segments: string[] } {
    const { tokens } = this;
    const segments = [tokens[i].text];
    let j = i;
    while (isPunct(tokens[j + 1], ".") && isName(tokens[j + 2])) {
      segments.push(tokens[j + 2].text);
      j += 2;
    }
    return { last: j, segments };
  }

  /** Index of the `(` that makes chain end `j` a call, or -1. Julia needs it glued (`f(x)`, `f.(x)`). */
  private callOpenAfter(j: number): number {
    const { tokens } = this;
    const next = tokens[j + 1];
    if (this.language !== "julia") {
      return isPunct(next, "(") ? j + 1 : -1;
    }
    if (isPunct(next, "(") && !next.space) {
      return j + 1;
    }
    if (isPunct(next, ".") && !next.space && isPunct(tokens[j + 2], "(") && !tokens[j + 2].space) {
      return j + 2;
    }
    return -1;
  }

  private resolve(segments: readonly string[], offset: number): { path: string | undefined; root: RootState } {
    const root = this.env.resolveRoot(segments[0], offset);
    if (typeof root !== "string") {
      return { path: undefined, root: root === null ? "local" : "unbound" };
    }
    const full = [root, ...segments.slice(1)];
    const path =
      this.language === "python" ? canonicalPythonPath(full.join(".")) : this.language === "julia" ? canonicalJuliaPath(full.join(".").split(".")) : full.join(".");
    return { path, root: "module" };
  }

  /** Resolved path of the callee whose `(` is at `open` (`tf.keras.layers.Dense(` → `tf.keras.layers.Dense`). */
  private calleePathBefore(open: number): string | undefined {
    if (!this.calleeCache.has(open)) {
      this.calleeCache.set(open, this.computeCalleePath(open));
    }
    return this.calleeCache.get(open);
  }

  private computeCalleePath(open: number): string | undefined {
    const { tokens } = this;
    let k = open - 1;
    if (!isName(tokens[k])) {
      return undefined;
    }
    const segments = [tokens[k].text];
    while (isPunct(tokens[k - 1], ".") && isName(tokens[k - 2])) {
      segments.unshift(tokens[k - 2].text);
      k -= 2;
    }
    if (this.afterDot(k)) {
      return undefined;
    }
    return this.resolve(segments, tokens[k].start).path;
  }

  private closeEnd(open: number): number {
    const close = this.match[open];
    return close > open ? this.tokens[close].end : this.tokens[open].end;
  }

  private push(form: DialectForm, applied: AppliedForm, start: number, end: number, callee: string): void {
    const d: DetectedActivation = {
      id: applied.id,
      params: applied.params,
      dialect: form.dialect,
      start,
      end,
      unresolved: applied.unresolved,
      explicit: applied.explicit,
      callee,
      kind: form.kind,
      ...(applied.variant ? { variant: applied.variant } : {}),
    };
    this.out.push(d);
  }

  private onChain(i: number): void {
    const { tokens } = this;
    let end = i;
    while (isPunct(tokens[end + 1], ".") && isName(tokens[end + 2])) {
      end += 2;
    }
    if (!CANDIDATE_NAMES.has(tokens[end].text) && !(end === i && this.env.importedNames.has(tokens[i].text))) {
      return; // cheap pre-filter: most names (x, self.conv1, out) cannot be activations
    }
    const { last, segments } = this.chainAt(i);
    const callOpen = this.callOpenAfter(last);
    const { path, root } = this.resolve(segments, tokens[i].start);
    if (path !== undefined) {
      const form = formAt(path);
      if (form) {
        this.onForm(form, i, last, callOpen, segments.join("."));
        return;
      }
      if (callOpen >= 0) {
        const layerDialect = ACTIVATION_LAYERS.get(path);
        if (layerDialect) {
          this.onActivationLayer(layerDialect, i, callOpen, segments.join("."));
        } else if (this.language === "python" && path === "functools.partial") {
          this.onPartial(i, callOpen);
        }
      }
      return;
    }
    if (callOpen >= 0 && segments.length >= 2 && this.language !== "julia" && root !== "module") {
      const receiver = segments.slice(0, -1);
      const self = receiver.length === 1 && (receiver[0] === "self" || receiver[0] === "cls" || receiver[0] === "this");
      if (!self) {
        this.onMethod(i, last, segments[segments.length - 1], segments.join("."));
      }
    }
  }

  private onForm(form: DialectForm, i: number, last: number, callOpen: number, callee: string): void {
    const { tokens } = this;
    if (callOpen >= 0) {
      const close = this.match[callOpen];
      if (this.language === "julia" && close > callOpen && isPunct(tokens[close + 1], "=") && this.parent[i] < 0) {
        return; // `relu(x) = ...` defines a function
      }
      this.push(form, applyForm(form, this.argsFor(form, callOpen)), tokens[i].start, this.closeEnd(callOpen), callee);
      return;
    }
    if (this.bareExcluded(i, last)) {
      return;
    }
    this.push(form, applyForm(form, NO_ARGUMENTS), tokens[i].start, tokens[last].end, callee);
  }

  private argsFor(form: DialectForm, callOpen: number): CallArguments {
    if (form.optionsObject) {
      return isPunct(this.tokens[callOpen + 1], "{") ? parseOptionsObject(this.stream, callOpen + 1) : NO_ARGUMENTS;
    }
    return parseCallArgs(this.stream, callOpen, this.language);
  }

  /** A bare name that is not a reference: an assignment target, a keyword-argument name, a property key, a symbol. */
  private bareExcluded(i: number, last: number): boolean {
    const { tokens } = this;
    const next = tokens[last + 1];
    const prev = tokens[i - 1];
    if (isPunct(next, "=")) {
      return true;
    }
    if (this.language === "js" && isPunct(next, ":") && (isPunct(prev, "{") || isPunct(prev, ","))) {
      return true;
    }
    if (this.language === "julia") {
      if (isPunct(prev, ":") && !tokens[i].space) {
        const before = tokens[i - 2];
        const operand = before !== undefined && !prev.space && (before.kind === "name" || before.kind === "number" || [")", "]", "}"].includes(before.text));
        if (!operand) {
          return true; // :relu is a Symbol
        }
      }
      if (isName(prev, "function") || isName(prev, "macro")) {
        return true;
      }
      // A function passed or bound by reference sits where an argument or a value ends (`Dense(5 => 2, σ)`,
      // `act = relu`, `x |> relu`); `2σ^2`, `σ * x` or `σ[1]` use a variable that happens to share the name.
      const prevOk = prev === undefined || (prev.kind === "punct" && JULIA_REF_BEFORE.has(prev.text)) || isName(prev, "return");
      const nextOk =
        next === undefined ||
        (next.kind === "punct" && JULIA_REF_AFTER.has(next.text)) ||
        this.lineBreakBetween(tokens[last].end, next.start);
      return !(prevOk && nextOk);
    }
    return false;
  }

  private lineBreakBetween(from: number, to: number): boolean {
    for (let k = from; k < to; k++) {
      const c = this.text.charCodeAt(k);
      if (c === 10 || c === 13) {
        return true;
      }
    }
    return false;
  }

  /** Tensor method call `name(` at token `nameIndex`; the span starts at `spanStart` (receiver chain or the name). */
  private onMethod(spanStart: number, nameIndex: number, name: string, callee: string = name): void {
    const dialect = this.env.methodDialect;
    if (!dialect) {
      return;
    }
    const form = methodForm(dialect, name);
    const open = nameIndex + 1;
    if (!form || !isPunct(this.tokens[open], "(")) {
      return;
    }
    const args = parseCallArgs(this.stream, open, this.language);
    if (args.positional.length > form.args.filter((s) => !s.keywordOnly).length) {
      return; // `self.block.relu(x)`: a module attribute, not Tensor.relu()
    }
    this.push(form, applyForm(form, args), this.tokens[spanStart].start, this.closeEnd(open), callee);
  }

  /** `activation="gelu"` / `{activation: 'relu'}`: the string token at `k`. */
  private onKeywordString(k: number): void {
    const { tokens, parent } = this;
    const t = tokens[k];
    const o = parent[k];
    const keyTok = tokens[k - 2];
    if (o < 0 || keyTok === undefined) {
      return;
    }
    let calleePath: string | undefined;
    if (this.language === "python") {
      if (
        !isPunct(tokens[o], "(") ||
        !isPunct(tokens[k - 1], "=") ||
        !isName(keyTok) ||
        !isActivationKey(keyTok.text, "python") ||
        !(isPunct(tokens[k - 3], "(") || isPunct(tokens[k - 3], ",")) ||
        !(isPunct(tokens[k + 1], ",") || isPunct(tokens[k + 1], ")"))
      ) {
        return;
      }
      calleePath = this.calleePathBefore(o);
    } else {
      const key = keyTok.kind === "name" ? keyTok.text : keyTok.kind === "string" ? keyTok.value : undefined;
      if (
        key === undefined ||
        !isPunct(tokens[o], "{") ||
        !isPunct(tokens[k - 1], ":") ||
        !isActivationKey(key, "js") ||
        !(isPunct(tokens[k - 3], "{") || isPunct(tokens[k - 3], ",")) ||
        !(isPunct(tokens[k + 1], ",") || isPunct(tokens[k + 1], "}"))
      ) {
        return;
      }
      const call = parent[o];
      calleePath = call >= 0 && isPunct(tokens[call], "(") ? this.calleePathBefore(call) : undefined;
    }
    const form = this.stringFormFor(dialectOfPath(calleePath) ?? this.env.stringDialect, t.value as string);
    if (form) {
      this.push(form, applyForm(form, NO_ARGUMENTS), t.start, t.end, t.text);
    }
  }

  /** A string in `dialect`; Keras 2 strings unknown to Keras 2 but known to Keras 3 are Keras 3's (TF ≥ 2.16). */
  private stringFormFor(dialect: Dialect, s: string): DialectForm | undefined {
    return stringForm(dialect, s) ?? (dialect === "keras2" ? stringForm("keras3", s) : undefined);
  }

  /** Keras `Activation("gelu")` / `Activation(activation="gelu")`: the whole call. */
  private onActivationLayer(dialect: Dialect, i: number, callOpen: number, callee: string): void {
    const { tokens } = this;
    for (const [s, e] of argumentRanges(this.stream, callOpen, this.language)) {
      let k = -1;
      if (e === s + 1 && tokens[s].kind === "string") {
        k = s;
      } else if (e === s + 3 && isName(tokens[s], "activation") && isPunct(tokens[s + 1], "=") && tokens[s + 2].kind === "string") {
        k = s + 2;
      }
      const value = k >= 0 ? tokens[k].value : undefined;
      if (value === undefined) {
        continue;
      }
      this.consumed[k] = 1;
      const form = this.stringFormFor(dialect, value);
      if (form) {
        this.push(form, applyForm(form, NO_ARGUMENTS), tokens[i].start, this.closeEnd(callOpen), callee);
      }
      return;
    }
  }

  /** `partial(F.leaky_relu, negative_slope=0.2)`: the partial's keywords are the activation's. */
  private onPartial(i: number, callOpen: number): void {
    const { tokens } = this;
    const ranges = argumentRanges(this.stream, callOpen, this.language);
    if (ranges.length === 0 || !isName(tokens[ranges[0][0]])) {
      return;
    }
    const [s, e] = ranges[0];
    const { last, segments } = this.chainAt(s);
    if (last !== e - 1) {
      return;
    }
    const { path } = this.resolve(segments, tokens[s].start);
    const form = path !== undefined ? formAt(path) : undefined;
    if (!form) {
      return;
    }
    const args = parseCallArgs(this.stream, callOpen, this.language);
    const rest: CallArguments = { positional: args.positional.slice(1), keywords: args.keywords, ...(args.splat ? { splat: true } : {}) };
    this.consumed[s] = 1;
    this.push(form, applyForm(form, rest), tokens[i].start, this.closeEnd(callOpen), segments.join("."));
  }
}

function tokenize(text: string, language: Language): Token[] {
  switch (language) {
    case "python":
      return tokenizePython(text);
    case "js":
      return tokenizeJs(text);
    case "julia":
      return tokenizeJulia(text);
  }
}

/** All activations in `text`, sorted by start (outer spans before the inner ones they contain). */
export function scanDocument(text: string, language: Language): DetectedActivation[] {
  const stream = buildStream(tokenize(text, language));
  const env = collectEnvironment(stream, language, text);
  return new Scanner(text, stream, env, language).run();
}
