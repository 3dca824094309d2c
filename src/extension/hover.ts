import * as vscode from "vscode";
import { derivative, evaluate, getActivation, resolveParams } from "../core/activations";
import { applyActivation } from "../core/kernels";
import { detectActivation, type DetectedActivation } from "../core/detect";
import { formatNumber, formatPercent, formatRange, formatShape } from "../core/format";
import { parseNumbers } from "../core/parse";
import { miniPlotSvg, svgDataUri } from "../core/plot";
import type { ActivationSpec } from "../core/types";
import { CommandIds } from "./commandIds";
import { readConfig } from "./config";
import { withDialectSetting } from "./dialect";

/** Most characters of a selection the hover reads (a hover must stay instant). */
const HOVER_MAX_SELECTION_CHARS = 1_000_000;

const PROPERTY_NAMES: [keyof ActivationSpec["properties"], string][] = [
  ["monotonic", "monotonic"],
  ["bounded", "bounded"],
  ["zeroCentred", "zero-centred"],
  ["smooth", "smooth"],
  ["saturating", "saturating"],
  ["sparse", "sparse (exact zeros)"],
];

function commandLink(title: string, command: string, args: unknown, tooltip: string): string {
  // Percent-encode what encodeURIComponent leaves and Markdown reads as link syntax: ( ) ' ! *
  const q = encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${title}](command:${command}?${q} "${tooltip}")`;
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

/** The hover text for a detected activation call. */
export function activationHoverMarkdown(found: DetectedActivation, callText: string): vscode.MarkdownString | undefined {
  const spec = getActivation(found.id);
  if (!spec) {
    return undefined;
  }
  const params = { ...found.params };
  let resolved: Record<string, unknown>;
  try {
    resolved = resolveParams(spec.id, params);
  } catch (e) {
    const md = new vscode.MarkdownString(`**${spec.label}** \`${spec.id}\`: ${escapeMd(e instanceof Error ? e.message : String(e))}`);
    return md;
  }
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [CommandIds.plotActivation] };
  md.supportHtml = false;
  md.appendMarkdown(`**${spec.label}** \`${spec.id}\` · ${found.dialect}\n\n`);
  if (spec.kind === "elementwise") {
    const cfg = readConfig();
    const range = cfg.defaultRange;
    const svg = miniPlotSvg({
      f: (x) => evaluate(spec.id, x, params),
      df: (x) => derivative(spec.id, x, params),
      range,
      kinks: spec.kinks(params),
      width: 260,
      height: 120,
    });
    md.appendMarkdown(`![${escapeMd(spec.label)} f and f′](${svgDataUri(svg)})\n\n`);
  }
  md.appendMarkdown(`\`${spec.formula.text}\`  \n\`${spec.derivativeFormula.text}\`\n\n`);
  if (spec.params.length) {
    md.appendMarkdown("| parameter | value | |\n|---|---|---|\n");
    for (const p of spec.params) {
      const v = resolved[p.name];
      const source = found.unresolved.includes(p.name)
        ? "not read from the code (not a literal, or the call is unfinished): default shown"
        : found.explicit.includes(p.name)
          ? "from the code"
          : `${found.dialect} default`;
      md.appendMarkdown(`| \`${p.name}\` | \`${typeof v === "number" ? formatNumber(v, 6, { unicodeMinus: false }) : String(v)}\` | ${source} |\n`);
    }
    md.appendMarkdown("\n");
  }
  const props = PROPERTY_NAMES.filter(([k]) => spec.properties[k]).map(([, n]) => n);
  md.appendMarkdown(`Output range ${escapeMd(spec.range.text)}${props.length ? ` · ${props.join(", ")}` : ""}`);
  const gain = spec.gain?.(params);
  if (gain !== undefined) {
    md.appendMarkdown(` · init gain ${formatNumber(gain, 5)}`);
  }
  md.appendMarkdown(`\n\n${escapeMd(spec.summary)}\n\n`);
  const plotArgs = { ids: [spec.id], params: { [spec.id]: params }, caption: callText };
  md.appendMarkdown(
    `${commandLink("Open in panel", CommandIds.plotActivation, plotArgs, "Plot f and f′ with these parameters")} · ` +
      commandLink("Compare…", CommandIds.plotActivation, { ...plotArgs, pick: true }, "Choose other activations to compare with"),
  );
  return md;
}

/** The hover text for a numeric selection: its shape and what the default activation does to it. */
export function selectionHoverMarkdown(text: string): vscode.MarkdownString | undefined {
  if (text.length > HOVER_MAX_SELECTION_CHARS) {
    return undefined;
  }
  const cfg = readConfig();
  let parsed;
  try {
    parsed = parseNumbers(text, { maxValues: Math.min(cfg.maxSelectionValues, 250_000) });
  } catch {
    return undefined;
  }
  const n = parsed.data.length;
  if (n === 0) {
    return undefined;
  }
  const spec = getActivation(cfg.defaultActivation);
  if (!spec || spec.kind !== "elementwise") {
    return undefined;
  }
  const post = applyActivation(spec.id, parsed.data);
  let zeros = 0;
  let lo = Infinity;
  let hi = -Infinity;
  let plo = Infinity;
  let phi = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = parsed.data[i];
    const y = post[i];
    if (y === 0) {
      zeros++;
    }
    if (x < lo) {
      lo = x;
    }
    if (x > hi) {
      hi = x;
    }
    if (y < plo) {
      plo = y;
    }
    if (y > phi) {
      phi = y;
    }
  }
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [CommandIds.heatmapSelection, CommandIds.plotSelection] };
  // dtype is text from the document: escaped, never markup.
  md.appendMarkdown(`**${formatShape(parsed.shape)}** ${parsed.format}${parsed.dtype ? ` (${escapeMd(parsed.dtype.slice(0, 40))})` : ""} · ${n} values\n\n`);
  md.appendMarkdown(
    lo > hi // every value NaN: no range to show
      ? `all values are NaN (after \`${spec.id}\` too)\n\n`
      : `range ${formatRange(lo, hi)} → after \`${spec.id}\`: ${formatRange(plo, phi)}, ${formatPercent(zeros / n)} zeros\n\n`,
  );
  md.appendMarkdown(
    `${commandLink("Heatmap", CommandIds.heatmapSelection, {}, "Show Layer Activation Heatmap for Selection")} · ` +
      commandLink("Points on curve", CommandIds.plotSelection, {}, "Plot Selected Values on Activation Curve"),
  );
  return md;
}

export class ActivationHoverProvider implements vscode.HoverProvider {
  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const cfg = readConfig();
    if (!cfg.hoverEnabled) {
      return undefined;
    }
    const editor = vscode.window.activeTextEditor;
    if (
      editor &&
      editor.document === doc &&
      !editor.selection.isEmpty &&
      editor.selection.contains(position) &&
      doc.offsetAt(editor.selection.end) - doc.offsetAt(editor.selection.start) <= HOVER_MAX_SELECTION_CHARS
    ) {
      const md = selectionHoverMarkdown(doc.getText(editor.selection));
      if (md) {
        return new vscode.Hover(md, editor.selection);
      }
    }
    if (!cfg.hoverLanguages.includes(doc.languageId)) {
      return undefined;
    }
    const text = doc.getText();
    const detected = detectActivation(text, doc.offsetAt(position), doc.languageId);
    if (!detected) {
      return undefined;
    }
    const found = withDialectSetting(detected, cfg.dialect);
    const md = activationHoverMarkdown(found, text.slice(found.start, Math.min(found.end, found.start + 120)));
    return md ? new vscode.Hover(md, new vscode.Range(doc.positionAt(found.start), doc.positionAt(found.end))) : undefined;
  }
}
