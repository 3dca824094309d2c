import * as vscode from "vscode";
import { formatNumbers } from "../../core/parse";
import { rangeCovering } from "../../core/plot";
import { isRecord } from "../../shared/guards";
import type { CurvesState, HeatmapState } from "../../shared/protocol";
import { readConfig } from "../config";
import { ActivationPanel } from "../panel";
import { asMatrix, clip, clipLabels, readSelection, UserError } from "../selection";
import { formatShape, placeLike } from "../../core/format";
import { applyActivationAs } from "../../core/kernels/precision";
import { activationFromArgs } from "./args";

/** Most markers drawn on a curve (more values are thinned evenly, and the view says so). */
const MAX_MARKERS = 5_000;

/** Plot Selected Values on Activation Curve: each value x marked at (x, f(x)) and (x, f′(x)). */
export function plotSelection(context: vscode.ExtensionContext, args?: unknown): CurvesState {
  const cfg = readConfig();
  const act = activationFromArgs(args, cfg.defaultActivation);
  const sel = readSelection(vscode.window.activeTextEditor, cfg.maxSelectionValues);
  const all = sel.parsed.data;
  const step = Math.max(1, Math.ceil(all.length / MAX_MARKERS));
  const values: number[] = [];
  let mn = Infinity;
  let mx = -Infinity;
  let finite = 0;
  for (let i = 0; i < all.length; i++) {
    const v = all[i];
    if (Number.isFinite(v)) {
      finite++;
      mn = v < mn ? v : mn;
      mx = v > mx ? v : mx;
    }
    if (i % step === 0 && Number.isFinite(v)) {
      values.push(v);
    }
  }
  const [lo, hi] = finite > 0 ? rangeCovering(cfg.defaultRange, mn, mx) : cfg.defaultRange;
  const dropped = all.length - finite;
  const label =
    `${sel.label} (${all.length} value${all.length === 1 ? "" : "s"}` +
    (step > 1 ? `, every ${step}th shown` : "") +
    (dropped ? `, ${dropped} non-finite not drawn` : "") +
    ")";
  const state: CurvesState = {
    view: "curves",
    curves: [act],
    range: [lo, hi],
    layout: "side-by-side",
    markers: { values, label: clip(label, 200) },
    caption: clip(`Selected values on ${act.id}: ${label}`, 500),
  };
  ActivationPanel.show(context.extensionUri, state);
  return state;
}

/** Show Layer Activation Heatmap for Selection: rows × units before and after the activation. */
export function heatmapSelection(context: vscode.ExtensionContext, args?: unknown): HeatmapState {
  const cfg = readConfig();
  const act = activationFromArgs(args, cfg.defaultActivation);
  const sel = readSelection(vscode.window.activeTextEditor, cfg.maxSelectionValues);
  const { rows, units, note } = asMatrix(sel.parsed.shape, sel.parsed.data.length);
  const warnings = sel.parsed.warnings.length ? ` ${sel.parsed.warnings.join(" ")}` : "";
  const state: HeatmapState = {
    view: "heatmap",
    rows,
    units,
    shape: sel.parsed.shape,
    source: clip(`${sel.label}, ${sel.parsed.format}${sel.parsed.dtype ? ` ${sel.parsed.dtype}` : ""}, shape ${formatShape(sel.parsed.shape)}`, 500),
    note: note || warnings ? clip(`${note ?? ""}${warnings}`.trim(), 1000) : undefined,
    activation: act,
    colormaps: { pre: cfg.colormapPre, post: cfg.colormapPost },
    columnLabels: clipLabels(sel.parsed.columnLabels),
    saturationEps: cfg.saturationEpsilon,
  };
  const data = new Float64Array(sel.parsed.data).buffer;
  ActivationPanel.show(context.extensionUri, state, data);
  return state;
}

/** Apply Activation to Selection: the activated values in the selection's own format, copied or replacing it. */
export async function applyToSelection(args?: unknown): Promise<{ text: string; mode: "copy" | "replace" } | undefined> {
  const cfg = readConfig();
  const act = activationFromArgs(args, cfg.defaultActivation);
  const sel = readSelection(vscode.window.activeTextEditor, cfg.maxSelectionValues);
  // at the tensor's own precision: a float32 print gets float32 results, not 16 digits under dtype=float32
  const out = applyActivationAs(sel.parsed.dtype, act.id, sel.parsed.data, act.params);
  const text = formatNumbers(out, sel.parsed.shape, sel.parsed);
  const a = isRecord(args) ? args : {};
  let mode: "copy" | "replace" | undefined = a.mode === "copy" || a.mode === "replace" ? a.mode : undefined;
  if (!mode) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: "$(copy) Copy to clipboard", mode: "copy" as const, detail: "The document is not changed." },
        { label: "$(replace) Replace the selection", mode: "replace" as const, detail: "One edit; Undo restores it." },
      ],
      { title: `Apply ${act.id} to ${sel.parsed.data.length} values (${sel.parsed.format})` },
    );
    if (!pick) {
      return undefined;
    }
    mode = pick.mode;
  }
  if (mode === "copy") {
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(`Activation Lens: ${act.id} of ${sel.parsed.data.length} values copied.`);
  } else {
    const editor = sel.editor;
    if (editor.document.version !== sel.version) {
      throw new UserError("the document changed while you chose; select the values again.");
    }
    const version = editor.document.version;
    // keep the selection's surrounding whitespace, and indent continuation lines like the selected print
    const doc = editor.document;
    const leading = /^\s*/.exec(sel.text)?.[0].length ?? 0;
    const first = doc.positionAt(doc.offsetAt(sel.selection.start) + leading);
    const placed = placeLike(sel.text, text, doc.lineAt(first.line).text.slice(0, first.character));
    const ok = await editor.edit((b) => b.replace(sel.selection, placed));
    if (!ok || editor.document.version === version) {
      throw new UserError("the document could not be edited (it may be read-only).");
    }
  }
  return { text, mode };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Export Chart or Heatmap: the panel's picture as PNG and its data as CSV beside it. */
export async function exportView(args?: unknown): Promise<{ png: vscode.Uri; csv: vscode.Uri } | undefined> {
  const panel = ActivationPanel.instance;
  if (!panel) {
    throw new UserError("open a chart or heatmap first (Plot Activation Function… or Show Layer Activation Heatmap).");
  }
  // A hidden panel's webview is unloaded (no retained context): show it and let it load first.
  await panel.revealAndWait();
  let exported;
  try {
    exported = await panel.channel.requestExport();
  } catch (e) {
    throw new UserError(e instanceof Error ? e.message : String(e));
  }
  const a = isRecord(args) ? args : {};
  let target: vscode.Uri | undefined;
  if (typeof a.uri === "string") {
    target = vscode.Uri.parse(a.uri);
  } else if (a.uri instanceof vscode.Uri) {
    target = a.uri;
  } else {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      title: "Export Activation Lens view",
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${exported.name}.png`) : undefined,
      filters: { "PNG image": ["png"] },
    });
  }
  if (!target) {
    return undefined;
  }
  const pngUri = /\.png$/i.test(target.path) ? target : target.with({ path: `${target.path}.png` });
  const csvUri = pngUri.with({ path: pngUri.path.replace(/\.png$/i, ".csv") });
  if (!a.uri && (await exists(csvUri))) {
    const answer = await vscode.window.showWarningMessage(
      `${csvUri.path.split("/").pop()} exists. Replace it with this view's data?`,
      { modal: true },
      "Replace",
    );
    if (answer !== "Replace") {
      return undefined;
    }
  }
  const b64 = exported.png.slice("data:image/png;base64,".length);
  await vscode.workspace.fs.writeFile(pngUri, Uint8Array.from(Buffer.from(b64, "base64")));
  await vscode.workspace.fs.writeFile(csvUri, new TextEncoder().encode(exported.csv));
  void vscode.window.showInformationMessage(`Activation Lens: saved ${pngUri.path.split("/").pop()} and its CSV.`);
  return { png: pngUri, csv: csvUri };
}
