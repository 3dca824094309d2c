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
 * hovers over an unchanged document cost one string comparison.
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

/** The innermost activation whose span contains `offset` (`start ≤ offset < end`), or `undefined`. */
export function detectActivation(documentText: string, offset: number, languageId: string): DetectedActivation | undefined {
  let best: DetectedActivation | undefined;
  for (const d of findActivations(documentText, languageId)) {
    if (d.start > offset) {
      break;
    }
    if (offset < d.end && (best === undefined || d.end - d.start < best.end - best.start)) {
      best = d;
    }
  }
  return best;
}
