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
 * hovers over an unchanged document cost one string comparison. `detectActivation` on a document over 256 KiB
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
export const FULL_SCAN_MAX_CHARS = 1 << 18;
/** The window: this many characters either side of the offset (whole lines), plus the document's head. */
const WINDOW_CHARS = 32 * 1024;
/** The head kept with a window, for the imports that decide the dialect. */
const HEAD_CHARS = 32 * 1024;

/**
 * The innermost activation whose span contains `offset` (`start ≤ offset < end`), or `undefined`.
 * Documents over {@link FULL_SCAN_MAX_CHARS} (256 KiB, about 8,000 lines: a whole scan costs about 25 ms at
 * 300 KiB, over the hover budget of 20 ms, and 0.3 s per MiB beyond) are scanned in a window of whole lines
 * ±32 KiB around the offset, after their first 32 KiB (the imports): bounded work per hover or cursor move.
 * A line longer than the window (minified code) is cut mid-line. A window may start inside a multi-line
 * string or a token, which can hide a call near its edge; calls near the offset are found as in a full scan.
 */
export function detectActivation(documentText: string, offset: number, languageId: string): DetectedActivation | undefined {
  if (documentText.length <= FULL_SCAN_MAX_CHARS) {
    return innermostAt(findActivations(documentText, languageId), offset);
  }
  let from = documentText.lastIndexOf("\n", Math.max(0, offset - WINDOW_CHARS)) + 1;
  if (offset - from > 2 * WINDOW_CHARS) {
    from = offset - WINDOW_CHARS; // one very long line (minified code): cut it
  }
  from = from <= HEAD_CHARS ? 0 : from; // the window reaches the head: one piece from the start
  let to = documentText.indexOf("\n", Math.min(documentText.length, offset + WINDOW_CHARS));
  to = to < 0 ? documentText.length : to;
  if (to - offset > 2 * WINDOW_CHARS) {
    to = offset + WINDOW_CHARS;
  }
  const head = from === 0 ? "" : documentText.slice(0, documentText.lastIndexOf("\n", HEAD_CHARS) + 1);
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
