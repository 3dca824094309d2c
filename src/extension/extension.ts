import * as vscode from "vscode";
import type { PanelState } from "../shared/protocol";
import { CommandIds, PANEL_VIEW_TYPE } from "./commandIds";
import { ActivationPanel } from "./panel";

/** The state a fresh panel shows: ReLU and its derivative on [-7, 7]. */
export const DEFAULT_PANEL_STATE: PanelState = {
  view: "curves",
  curves: [{ id: "relu", params: {} }],
  range: [-7, 7],
  layout: "side-by-side",
};

/** What `activate` returns: used by the integration tests (and by nothing else). */
export interface ActivationLensApi {
  readonly panel: typeof ActivationPanel;
}

export function activate(context: vscode.ExtensionContext): ActivationLensApi {
  const uri = context.extensionUri;
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandIds.plotActivation, () => {
      ActivationPanel.show(uri, DEFAULT_PANEL_STATE);
    }),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, saved: unknown) {
        ActivationPanel.revive(panel, uri, saved, DEFAULT_PANEL_STATE);
      },
    }),
    { dispose: () => ActivationPanel.instance?.dispose() },
  );
  return { panel: ActivationPanel };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
