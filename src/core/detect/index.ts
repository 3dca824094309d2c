/**
 * Finding activation calls in real code (Python: PyTorch, Keras 2/3, TensorFlow, JAX, Flax; JavaScript/TypeScript:
 * TF.js; Julia: Flux/NNlib). Pure functions over the document text; no vscode, DOM or Node.
 *
 * - `findActivations(text, languageId)`: every activation in the document, sorted by start offset.
 * - `detectActivation(text, offset, languageId)`: the innermost activation whose span contains `offset`
 *   (`start ≤ offset < end`), for hovers.
 *
 * Language ids: `python`; `javascript`, `typescript`, `javascriptreact`, `typescriptreact`; `julia`. Any other id
 * finds nothing. Dialect decisions (Keras 2 vs 3, import-less documents) are documented in `bindings.ts`.
 * Cost: linear in the document (one tokenizer pass, one scan); the last document's result is memoised, so repeated
 * hovers over an unchanged document cost one string comparison. `detectActivation` on a document over 1 MiB
 * scans a window around the offset (see there), so a hover or a cursor move costs a few ms whatever the size.
 */
import { scanDocument } from "./find";
import type { DetectedActivation } from "./find";
import type { Language } from "./literals";

export type { DetectedActivation } from "./find";
export type { Language } from "./literals";

const LANGUAGES: Readonly<Record<string, Language>> = {
  python: "python",
  javascript: "js",
  typescript: "js",
  javascriptreact: "js",
  typescriptreact: "js",
  julia: "julia",
};

/** The tokenizer family for a VS Code language id, or `undefined` when unsupported. */
export function languageFamily(languageId: string): Language | undefined {
  return Object.prototype.hasOwnProperty.call(LANGUAGES, languageId) ? LANGUAGES[languageId] : undefined;
}

let memo: { text: string; language: Language; result: readonly DetectedActivation[] } | undefined;

/** Every activation call, reference or string in `documentText`, sorted by start offset. */
export function findActivations(documentText: string, languageId: string): DetectedActivation[] {
  const language = languageFamily(languageId);
  if (language === undefined) {
    return [];
  }
  if (memo === undefined || memo.language !== language || memo.text !== documentText) {
    memo = { text: documentText, language, result: scanDocument(documentText, language) };
  }
  return [...memo.result];
}

/** Above this many characters `detectActivation` scans a window around the offset, not the whole document. */
export const FULL_SCAN_MAX_CHARS = 1 << 20;
/** The window: at least this many characters before the offset and after it. */
const WINDOW_CHARS = 32 * 1024;
/** How far back a window may reach for a safe start (a top-level statement line) before it gives up. */
const SAFE_START_REACH = 256 * 1024;
/** How much of the document's start is searched for the imports kept with a window (they decide the dialect). */
const HEAD_CHARS = 64 * 1024;

/** Top-level import statements (whole, a parenthesised Python import list included), per language. */
const IMPORTS: Readonly<Record<string, RegExp>> = {
  python: /^(?:import [^\n]*|from \S+ import \([^)]*\)|from \S+ import [^\n]*)/gm,
  js: /^(?:import [^;\n]*(?:;|\n)|(?:const|let|var) [^=\n]+= *require\([^)\n]*\);?)/gm,
  julia: /^(?:using [^\n]*|import [^\n]*)/gm,
};

/**
 * Lines that begin a top-level statement: not indented, and starting with a keyword that cannot continue a string
 * or an expression. A window cut just before one starts outside any string or bracket (in all but contrived code).
 */
const TOP_LEVEL: Readonly<Record<string, RegExp>> = {
  python: /^(?:def |class |async def |@|import |from \S+ import |if __name__)/,
  js: /^(?:function[ *]|class |const |let |var |import |export |async function)/,
  julia: /^(?:function |struct |mutable struct |module |using |import |const |macro )/,
};

/** The start of the last top-level statement line at or before `pos` (within reach), or -1. */
function safeLineStart(text: string, pos: number, re: RegExp | undefined): number {
  if (re === undefined) {
    return -1;
  }
  let p = text.lastIndexOf("\n", pos - 1) + 1;
  const floor = Math.max(0, pos - SAFE_START_REACH);
  while (p >= floor) {
    if (re.test(text.slice(p, p + 24))) {
      return p;
    }
    if (p === 0) {
      break;
    }
    p = text.lastIndexOf("\n", p - 2) + 1;
  }
  return -1;
}

/**
 * The innermost activation whose span contains `offset` (`start ≤ offset < end`), or `undefined`.
 * Documents over {@link FULL_SCAN_MAX_CHARS} (1 MiB, about 30,000 lines: a whole scan costs about 0.3 s per MiB)
 * are scanned in a window: from the last top-level statement line (`def`, `class`, `import`…, at column 0) at least
 * 32 KiB before the offset to 32 KiB after it, after the top-level import statements of the document's first
 * 64 KiB (they decide the dialect). Cutting at those lines keeps the window out of docstrings and brackets, and
 * puts whole functions in it (their local names). Where no such line is near (minified code: one long line), the
 * cut is made 32 KiB before the offset, which may fall inside a string: then a call near the cut can be missed —
 * best effort for such files.
 */
export function detectActivation(documentText: string, offset: number, languageId: string): DetectedActivation | undefined {
  if (documentText.length <= FULL_SCAN_MAX_CHARS) {
    return innermostAt(findActivations(documentText, languageId), offset);
  }
  const re = TOP_LEVEL[languageFamily(languageId) ?? ""];
  let from = safeLineStart(documentText, Math.max(0, offset - WINDOW_CHARS), re);
  if (from < 0) {
    from = documentText.lastIndexOf("\n", Math.max(0, offset - WINDOW_CHARS)) + 1;
    if (offset - from > 2 * WINDOW_CHARS) {
      from = offset - WINDOW_CHARS; // one very long line (minified code): cut it
    }
  }
  if (from <= HEAD_CHARS) {
    from = 0; // the window reaches the head: one piece from the start
  }
  let to = documentText.indexOf("\n", Math.min(documentText.length, offset + WINDOW_CHARS));
  to = to < 0 ? documentText.length : to;
  if (to - offset > 2 * WINDOW_CHARS) {
    to = offset + WINDOW_CHARS;
  }
  const importRe = IMPORTS[languageFamily(languageId) ?? ""];
  const head =
    from === 0 || importRe === undefined
      ? ""
      : (documentText.slice(0, HEAD_CHARS).match(importRe) ?? []).map((line) => line.trimEnd() + "\n").join("");
  const shift = from - head.length; // offsets in head + window → offsets in the document
  const found = innermostAt(findActivations(head + documentText.slice(from, to), languageId), offset - shift);
  if (found === undefined || found.start < head.length) {
    return undefined; // (a span in the head cannot contain an offset in the window)
  }
  return { ...found, start: found.start + shift, end: found.end + shift };
}

function innermostAt(all: readonly DetectedActivation[], offset: number): DetectedActivation | undefined {
  let best: DetectedActivation | undefined;
  for (const d of all) {
    if (d.start > offset) {
      break;
    }
    if (offset < d.end && (best === undefined || d.end - d.start < best.end - best.start)) {
      best = d;
    }
  }
  return best;
}
