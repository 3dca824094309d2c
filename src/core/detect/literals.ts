/**
 * Reads one argument's tokens as a literal: numbers (negatives, exponents, underscores, hex; Julia `1f0`), constant
 * arithmetic on numbers (`1/8`, `-1e-2`, `2*0.1`, Julia `1//8`), strings, booleans and none-values
 * (`True/False/None`, `true/false/null/undefined`, `true/false/nothing`), tuples and lists of literals.
 * Anything else (names, calls, f-strings, templates with substitutions) is a non-literal. Nesting depth is bounded,
 * so adversarial input cannot exhaust the stack.
 */
import type { ArgValue, LiteralValue } from "../dialects/apply";
import type { Token } from "./tokens";

export type Language = "python" | "js" | "julia";

const NON_LITERAL: ArgValue = { literal: false };
const MAX_DEPTH = 32;

const CONSTANTS: Record<Language, Record<string, LiteralValue>> = {
  python: { True: true, False: false, None: null },
  js: { true: true, false: false, null: null, undefined: null },
  julia: { true: true, false: false, nothing: null },
};

/** Numeric value of a number token, or NaN (imaginary `2j`, malformed). */
export function numberValue(text: string, language: Language): number {
  let t = text.replace(/_/g, "");
  if (language === "python" && /[jJ]$/.test(t)) {
    return NaN;
  }
  if (language === "js" && t.endsWith("n")) {
    t = t.slice(0, -1);
  }
  if (language === "julia" && !/^0[xXbBoO]/.test(t)) {
    t = t.replace(/[fF]/, "e");
  }
  if (t.endsWith(".")) {
    t += "0";
  }
  return t.length > 0 ? Number(t) : NaN;
}

class ExprReader {
  private i: number;
  constructor(
    private readonly tokens: readonly Token[],
    a: number,
    private readonly b: number,
    private readonly language: Language,
  ) {
    this.i = a;
  }

  /** Reads the whole range as one constant number expression; NaN when it is not one. */
  readAll(): number {
    const v = this.additive(0);
    return this.i === this.b ? v : NaN;
  }

  private peek(): Token | undefined {
    return this.i < this.b ? this.tokens[this.i] : undefined;
  }

  private op(...ops: string[]): string | undefined {
    const t = this.peek();
    if (t !== undefined && t.kind === "punct" && ops.includes(t.text)) {
      this.i++;
      return t.text;
    }
    return undefined;
  }

  private additive(depth: number): number {
    let v = this.multiplicative(depth);
    for (let o = this.op("+", "-"); o !== undefined; o = this.op("+", "-")) {
      const r = this.multiplicative(depth);
      v = o === "+" ? v + r : v - r;
    }
    return v;
  }

  private multiplicative(depth: number): number {
    let v = this.unary(depth);
    for (let o = this.op("*", "/", "//"); o !== undefined; o = this.op("*", "/", "//")) {
      const r = this.unary(depth);
      if (o === "*") {
        v *= r;
      } else if (o === "/" || this.language === "julia") {
        v /= r; // Julia's // is an exact rational
      } else {
        v = Math.floor(v / r);
      }
    }
    return v;
  }

  private unary(depth: number): number {
    if (depth > MAX_DEPTH) {
      return NaN;
    }
    const o = this.op("+", "-");
    if (o !== undefined) {
      const v = this.unary(depth + 1);
      return o === "-" ? -v : v;
    }
    return this.power(depth);
  }

  private power(depth: number): number {
    const base = this.atom(depth);
    if (this.op(this.language === "julia" ? "^" : "**") !== undefined) {
      return Math.pow(base, this.unary(depth + 1));
    }
    return base;
  }

  private atom(depth: number): number {
    const t = this.peek();
    if (t === undefined) {
      return NaN;
    }
    if (t.kind === "number") {
      this.i++;
      return numberValue(t.text, this.language);
    }
    if (t.kind === "punct" && t.text === "(" && depth < MAX_DEPTH) {
      this.i++;
      const v = this.additive(depth + 1);
      return this.op(")") !== undefined ? v : NaN;
    }
    return NaN;
  }
}

function splitTopLevel(tokens: readonly Token[], match: Int32Array, a: number, b: number): [number, number][] {
  const parts: [number, number][] = [];
  let s = a;
  for (let k = a; k < b; k++) {
    const t = tokens[k];
    if (t.kind === "punct" && t.text === "," ) {
      parts.push([s, k]);
      s = k + 1;
    } else if (t.kind === "punct" && match[k] > k) {
      k = Math.min(match[k], b - 1);
    }
  }
  if (s < b) {
    parts.push([s, b]);
  }
  return parts;
}

function read(tokens: readonly Token[], match: Int32Array, a: number, b: number, language: Language, depth: number): ArgValue {
  if (b <= a || depth > MAX_DEPTH) {
    return NON_LITERAL;
  }
  const first = tokens[a];
  if (b - a === 1) {
    if (first.kind === "string") {
      return first.value !== undefined ? { literal: true, value: first.value } : NON_LITERAL;
    }
    if (first.kind === "name") {
      const c = CONSTANTS[language];
      return Object.prototype.hasOwnProperty.call(c, first.text) ? { literal: true, value: c[first.text] } : NON_LITERAL;
    }
  }
  if (first.kind === "punct" && (first.text === "(" || first.text === "[") && match[a] === b - 1) {
    const parts = splitTopLevel(tokens, match, a + 1, b - 1);
    const isTuple = first.text === "[" || parts.length !== 1 || (parts.length === 1 && tokens[b - 2]?.text === ",");
    if (isTuple) {
      const values: LiteralValue[] = [];
      for (const [s, e] of parts) {
        const v = read(tokens, match, s, e, language, depth + 1);
        if (!v.literal) {
          return NON_LITERAL;
        }
        values.push(v.value);
      }
      return { literal: true, value: values };
    }
    const inner = read(tokens, match, a + 1, b - 1, language, depth + 1);
    if (inner.literal) {
      return inner;
    }
  }
  for (let k = a; k < b; k++) {
    const t = tokens[k];
    if (t.kind !== "number" && t.kind !== "punct") {
      return NON_LITERAL;
    }
  }
  const v = new ExprReader(tokens, a, b, language).readAll();
  return Number.isNaN(v) ? NON_LITERAL : { literal: true, value: v };
}

/** Reads tokens [a, b) as one literal argument. `match` is the stream's bracket partner table. */
export function readLiteral(tokens: readonly Token[], match: Int32Array, a: number, b: number, language: Language): ArgValue {
  return read(tokens, match, a, b, language, 0);
}
