/**
 * Reads a call's argument list into positional and keyword arguments (literal values or "some expression"):
 * Python `f(a, b=1, *args, **kw)`, JavaScript `f(a, ...rest)` and options objects `f({alpha: 0.3})`,
 * Julia `f(a, b; k=1, splat...)`. Splitting jumps over nested brackets, so it is linear in the call's top-level tokens.
 */
import type { ArgValue, CallArguments } from "../dialects/apply";
import { readLiteral } from "./literals";
import type { Language } from "./literals";
import type { TokenStream } from "./tokens";
import { isName, isPunct } from "./tokens";

const NON_LITERAL: ArgValue = { literal: false };

/** Top-level parts of tokens [a, b), split at `,` (and `;`, reported as a boundary, for Julia). */
function split(stream: TokenStream, a: number, b: number, semicolon: boolean): { parts: [number, number][]; keywordFrom: number } {
  const { tokens, match } = stream;
  const parts: [number, number][] = [];
  let keywordFrom = Number.POSITIVE_INFINITY;
  let s = a;
  for (let k = a; k < b; k++) {
    const t = tokens[k];
    if (t.kind !== "punct") {
      continue;
    }
    if (t.text === "," || (semicolon && t.text === ";")) {
      parts.push([s, k]);
      if (t.text === ";" && keywordFrom === Number.POSITIVE_INFINITY) {
        keywordFrom = parts.length;
      }
      s = k + 1;
    } else if (match[k] > k) {
      k = Math.min(match[k], b - 1);
    }
  }
  parts.push([s, b]);
  return { parts, keywordFrom };
}

/**
 * Arguments of the call whose `(` is at token `open`. A call whose `(` is never closed (being typed:
 * `nn.LeakyReLU(0.1`) has arguments that cannot be read yet: reported as a splat, so its parameters count
 * as unresolved rather than as the framework's defaults.
 */
export function parseCallArgs(stream: TokenStream, open: number, language: Language): CallArguments {
  const { tokens, match } = stream;
  const close = match[open];
  const positional: ArgValue[] = [];
  const keywords = new Map<string, ArgValue>();
  let splat = false;
  if (close <= open) {
    return { positional, keywords, splat: true };
  }
  const { parts, keywordFrom } = split(stream, open + 1, close, language === "julia");
  for (let p = 0; p < parts.length; p++) {
    const [s, e] = parts[p];
    if (e <= s) {
      continue;
    }
    const first = tokens[s];
    if (
      (language === "python" && (isPunct(first, "*") || isPunct(first, "**"))) ||
      (language === "js" && isPunct(first, "...")) ||
      (language === "julia" && isPunct(tokens[e - 1], "..."))
    ) {
      splat = true;
      continue;
    }
    if (language !== "js" && isName(first) && isPunct(tokens[s + 1], "=")) {
      keywords.set(first.text, readLiteral(tokens, match, s + 2, e, language));
      continue;
    }
    if (language === "julia" && p >= keywordFrom && isName(first) && e === s + 1) {
      keywords.set(first.text, NON_LITERAL); // `f(x; dims)` passes the variable `dims`
      continue;
    }
    positional.push(readLiteral(tokens, match, s, e, language));
  }
  return splat ? { positional, keywords, splat } : { positional, keywords };
}

/**
 * Properties of a JavaScript object literal spanning tokens [open, match[open]] (`{alpha: 0.3, name: 'a'}`), as
 * keyword arguments. Shorthand `{alpha}` is a non-literal; `...spread` sets `splat`.
 */
export function parseOptionsObject(stream: TokenStream, open: number): CallArguments {
  const { tokens, match } = stream;
  const close = match[open];
  const keywords = new Map<string, ArgValue>();
  let splat = false;
  if (!isPunct(tokens[open], "{") || close <= open) {
    return { positional: [], keywords };
  }
  for (const [s, e] of split(stream, open + 1, close, false).parts) {
    if (e <= s) {
      continue;
    }
    const key = tokens[s];
    if (isPunct(key, "...")) {
      splat = true;
    } else if ((key.kind === "name" || (key.kind === "string" && key.value !== undefined)) && isPunct(tokens[s + 1], ":")) {
      keywords.set(key.kind === "name" ? key.text : (key.value as string), readLiteral(tokens, match, s + 2, e, "js"));
    } else if (key.kind === "name" && e === s + 1) {
      keywords.set(key.text, NON_LITERAL);
    }
  }
  return splat ? { positional: [], keywords, splat } : { positional: [], keywords };
}

/** Token ranges of the top-level arguments of the call at `open` (for callers that inspect arguments themselves). */
export function argumentRanges(stream: TokenStream, open: number, language: Language): [number, number][] {
  const close = stream.match[open];
  if (close <= open) {
    return [];
  }
  return split(stream, open + 1, close, language === "julia").parts.filter(([s, e]) => e > s);
}
