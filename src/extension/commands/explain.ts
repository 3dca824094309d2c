import * as vscode from "vscode";
import { isRecord } from "../../shared/guards";
import { EXPLAIN_TOPICS, type ExplainSettings, type ExplainState, type ExplainTopic } from "../../shared/protocol";
import { readConfig } from "../config";
import { ActivationPanel } from "../panel";
import { asMatrix, clip, readSelection, UserError } from "../selection";

/** The explainers that can take the user's own values from the selection. */
const USES_SELECTION: ReadonlySet<ExplainTopic> = new Set(["reluSum", "dying", "saturation"]);

/** Command id of each explainer. */
export const EXPLAIN_COMMANDS: Readonly<Record<ExplainTopic, string>> = {
  interaction: "activationLens.explainInteraction",
  bias: "activationLens.explainBias",
  reluSum: "activationLens.explainReluSum",
  depth: "activationLens.explainDepth",
  dying: "activationLens.explainDying",
  saturation: "activationLens.explainSaturation",
};

/**
 * Opens the panel on one explainer. Args: `{ settings?: ExplainSettings, useSelection?: boolean }`.
 * For reluSum, dying and saturation a numeric selection in the active editor comes along (unless
 * `useSelection` is false); a selection that cannot be read is reported and the explainer opens without it.
 * Settings: the ones the panel's explainers have now (so running a command again, e.g. for a new selection,
 * keeps the user's tweaks), then the args' on top; the saturation ε starts from the `saturationEpsilon` setting.
 */
export function explain(context: vscode.ExtensionContext, topic: ExplainTopic, args?: unknown): ExplainState {
  if (!(EXPLAIN_TOPICS as readonly string[]).includes(topic)) {
    throw new UserError(`unknown explainer "${topic}".`);
  }
  const a = isRecord(args) ? args : {};
  const settings: ExplainSettings = {};
  if (a.settings !== undefined) {
    if (!isRecord(a.settings)) {
      throw new UserError("settings must be an object.");
    }
    for (const [k, v] of Object.entries(a.settings).slice(0, 64)) {
      const ok =
        k.length <= 64 &&
        ((typeof v === "number" && Number.isFinite(v)) ||
          typeof v === "boolean" ||
          (typeof v === "string" && v.length <= 200) ||
          (Array.isArray(v) && v.length <= 1000 && v.every((n) => typeof n === "number" && Number.isFinite(n))));
      if (!ok) {
        throw new UserError(`setting "${k.slice(0, 64)}" must be a finite number, a short string, a boolean or a list of finite numbers.`);
      }
      settings[k] = v as ExplainSettings[string];
    }
  }
  const live = ActivationPanel.instance?.channel.currentState;
  const merged: ExplainSettings = { ...(live?.view === "explain" ? live.settings : {}), ...settings };
  if (merged["saturation.eps"] === undefined) {
    merged["saturation.eps"] = readConfig().saturationEpsilon;
  }
  const state: ExplainState = { view: "explain", topic, settings: merged };
  let data: ArrayBuffer | undefined;
  const editor = vscode.window.activeTextEditor;
  if (USES_SELECTION.has(topic) && a.useSelection !== false && editor && !editor.selection.isEmpty) {
    try {
      const sel = readSelection(editor, readConfig().maxSelectionValues);
      const { rows, units } = asMatrix(sel.parsed.shape, sel.parsed.data.length);
      state.selection = { rows, units, label: clip(`${sel.label} (${sel.parsed.format})`, 500) };
      data = new Float64Array(sel.parsed.data).buffer;
    } catch (e) {
      void vscode.window.showWarningMessage(
        `Activation Lens: the selection was not used: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  ActivationPanel.show(context.extensionUri, state, data);
  return state;
}
