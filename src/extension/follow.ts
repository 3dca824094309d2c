import type * as vscode from "vscode";
import { getActivation } from "../core/activations";
import { detectActivation, languageFamily } from "../core/detect";
import { formatShape } from "../core/format";
import { parseNumbers } from "../core/parse";
import { rangeCovering } from "../core/plot";
import type { CurvesState, HeatmapState, PanelState } from "../shared/protocol";
import type { LensConfig } from "./config";
import { withDialectSetting } from "./dialect";
import { asMatrix, clip, clipLabels, selectionLabel } from "./selection";

/** What the side view should show for an editor's cursor or selection. */
export type FollowResult =
  | { kind: "show"; state: PanelState; data?: ArrayBuffer; reason: "call" | "selection-heatmap" | "selection-points" }
  | { kind: "pinned" };

/** Most values the side view reads live from a selection (the commands take larger ones). */
export const FOLLOW_MAX_VALUES = 250_000;
/** Above this many characters a selection is not parsed live (it would make typing sluggish). */
export const FOLLOW_MAX_CHARS = 4_000_000;

/**
 * Decides what the side view shows: a numeric selection → its heatmap (2-D and up) or its points on the
 * pinned curve (1-D); the cursor on an activation call → its curve with the parameters read from the
 * code; otherwise the last pinned curve. Pure apart from reading the document.
 */
export function followEditor(
  doc: vscode.TextDocument,
  selection: vscode.Selection,
  cfg: LensConfig,
  pinned: CurvesState,
): FollowResult {
  if (!selection.isEmpty) {
    const start = doc.offsetAt(selection.start);
    const end = doc.offsetAt(selection.end);
    if (end - start <= FOLLOW_MAX_CHARS) {
      try {
        const parsed = parseNumbers(doc.getText(selection), { maxValues: Math.min(FOLLOW_MAX_VALUES, cfg.maxSelectionValues) });
        if (parsed.data.length > 0) {
          const label = clip(selectionLabel(doc, selection), 150);
          if (parsed.shape.length >= 2) {
            const { rows, units, note } = asMatrix(parsed.shape, parsed.data.length);
            const base = pinned.curves[0];
            const state: HeatmapState = {
              view: "heatmap",
              rows,
              units,
              shape: parsed.shape,
              source: clip(`${label}, ${parsed.format}, shape ${formatShape(parsed.shape)}`, 500),
              note,
              activation: { id: base.id, params: base.params },
              colormaps: { pre: cfg.colormapPre, post: cfg.colormapPost },
              columnLabels: clipLabels(parsed.columnLabels),
              saturationEps: cfg.saturationEpsilon,
            };
            return { kind: "show", state, data: new Float64Array(parsed.data).buffer, reason: "selection-heatmap" };
          }
          const values = Array.from(parsed.data.subarray(0, 5000)).filter((v) => Number.isFinite(v));
          let mn = Infinity;
          let mx = -Infinity;
          for (const v of values) {
            mn = v < mn ? v : mn;
            mx = v > mx ? v : mx;
          }
          const state: CurvesState = {
            ...pinned,
            // values outside the pinned range widen it, as Plot Selected Values does
            range: values.length > 0 ? rangeCovering(pinned.range, mn, mx) : pinned.range,
            markers: { values, label: clip(`${label} (${parsed.data.length} values)`, 200) },
            caption: `${parsed.data.length} selected value${parsed.data.length === 1 ? "" : "s"} on ${pinned.curves[0].id}`,
          };
          return { kind: "show", state, reason: "selection-points" };
        }
      } catch {
        // Not numbers: fall through to the cursor.
      }
    }
  }
  if (languageFamily(doc.languageId) === undefined) {
    return { kind: "pinned" };
  }
  const text = doc.getText();
  const detected = detectActivation(text, doc.offsetAt(selection.active), doc.languageId);
  const found = detected && withDialectSetting(detected, cfg.dialect);
  if (found && getActivation(found.id)?.kind === "elementwise") {
    const pos = doc.positionAt(found.start);
    const callText = text.slice(found.start, Math.min(found.end, found.start + 80));
    const state: CurvesState = {
      view: "curves",
      curves: [{ id: found.id, params: { ...found.params } }],
      range: cfg.defaultRange,
      layout: "stacked",
      dialect: found.dialect,
      caption: clip(`${callText} — ${doc.uri.path.split("/").pop()}:${pos.line + 1} (${found.dialect})`, 500),
    };
    return { kind: "show", state, reason: "call" };
  }
  return { kind: "pinned" };
}
