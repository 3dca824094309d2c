import * as vscode from "vscode";
import { ParseError, parseNumbers, type ParsedNumbers } from "../core/parse";
import { formatShape } from "../core/format";

/** A problem the user can fix (shown as a message, never a crash). */
export class UserError extends Error {}

/** Shortens text for a label the protocol carries (labels ≤ 200 characters, captions and sources ≤ 500). */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Column labels as the protocol carries them (each ≤ 200 characters). */
export function clipLabels(labels: readonly string[] | undefined): string[] | undefined {
  // labels only name columns: past the protocol's 100,000 the heatmap shows indices instead
  return labels === undefined || labels.length > MAX_COLUMN_LABELS ? undefined : labels.map((l) => clip(l, 200));
}

/** Most column labels a heatmap state carries (src/shared/protocol.ts). */
const MAX_COLUMN_LABELS = 100_000;
/** Most dimensions a selection may have (numpy's NPY_MAXDIMS; the protocol's limit on a shape). */
export const MAX_DIMENSIONS = 32;

export interface SelectionValues {
  parsed: ParsedNumbers;
  /** e.g. "tensors.txt:5–12". */
  label: string;
  editor: vscode.TextEditor;
  selection: vscode.Selection;
  text: string;
  /** The document's version when it was read (an edit is refused if it changed since). */
  version: number;
}

/** Hard cap on the text we even try to read, whatever the value limit (a larger selection is refused at once). */
export const MAX_SELECTION_CHARS = 64 * 1024 * 1024;

export function selectionLabel(doc: vscode.TextDocument, sel: vscode.Range): string {
  const name = doc.uri.path.split("/").pop() ?? doc.uri.toString();
  const a = sel.start.line + 1;
  const b = sel.end.line + 1;
  return a === b ? `${name}:${a}` : `${name}:${a}–${b}`;
}

/**
 * Reads the numbers in the active editor's selection with `parseNumbers`. Throws UserError with a
 * message that says what is wrong and where (document line and column), never anything else.
 */
export function readSelection(editor: vscode.TextEditor | undefined, maxValues: number): SelectionValues {
  if (!editor) {
    throw new UserError("open a file and select the numbers to read (a printed array, a tensor, a JSON list, a CSV block).");
  }
  const selection = editor.selection;
  if (selection.isEmpty) {
    throw new UserError("select the numbers to read first (a printed array, a tensor, a JSON list, a CSV block).");
  }
  const doc = editor.document;
  const startOffset = doc.offsetAt(selection.start);
  const endOffset = doc.offsetAt(selection.end);
  if (endOffset - startOffset > MAX_SELECTION_CHARS) {
    throw new UserError(
      `the selection is ${((endOffset - startOffset) / 1048576).toFixed(0)} MB of text; Activation Lens reads at most ${MAX_SELECTION_CHARS / 1048576} MB. Select less.`,
    );
  }
  const text = doc.getText(selection);
  let parsed: ParsedNumbers;
  try {
    parsed = parseNumbers(text, { maxValues });
  } catch (e) {
    if (e instanceof ParseError) {
      const pos = doc.positionAt(startOffset + Math.max(0, Math.min(e.offset, text.length)));
      throw new UserError(`${e.message} (at line ${pos.line + 1}, column ${pos.character + 1})`);
    }
    throw new UserError(`could not read the selection: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (parsed.data.length === 0) {
    throw new UserError(`the selection holds no values (shape ${formatShape(parsed.shape)}).`);
  }
  if (parsed.shape.length > MAX_DIMENSIONS) {
    throw new UserError(
      `the selection is nested ${parsed.shape.length} levels deep; Activation Lens reads at most ${MAX_DIMENSIONS} dimensions (as numpy).`,
    );
  }
  return { parsed, label: clip(selectionLabel(doc, selection), 150), editor, selection, text, version: doc.version };
}

/** Rows × units for a heatmap: 0-d and 1-d are one row; more dims flatten the leading ones into rows. */
export function asMatrix(shape: readonly number[], length: number): { rows: number; units: number; note?: string } {
  if (shape.length <= 1) {
    return { rows: 1, units: Math.max(1, length), note: shape.length === 0 ? "a single value: one row of one unit" : undefined };
  }
  const units = shape[shape.length - 1];
  const rows = length / Math.max(1, units);
  if (shape.length === 2) {
    return { rows, units };
  }
  return {
    rows,
    units,
    note: `${shape.length}-D input ${formatShape(shape)} shown as ${rows} rows × ${units} units (leading dimensions flattened into rows).`,
  };
}
