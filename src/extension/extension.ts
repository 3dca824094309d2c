import * as vscode from "vscode";
import { EXPLAIN_TOPICS, type PanelState } from "../shared/protocol";
import { CommandIds, PANEL_VIEW_TYPE, SIDE_VIEW_ID } from "./commandIds";
import { EXPLAIN_COMMANDS, explain } from "./commands/explain";
import { plotActivation, type PlotArgs } from "./commands/plotActivation";
import { applyToSelection, exportView, heatmapSelection, plotSelection } from "./commands/selectionCommands";
import { readConfig } from "./config";
import { ActivationHoverProvider } from "./hover";
import { ActivationPanel } from "./panel";
import { UserError } from "./selection";
import { SideViewProvider } from "./sideView";
import { onDidRender, onDidReportError, rejectedMessages } from "./webviewChannel";

/** The state a fresh panel shows: the default activation (ReLU) and its derivative. */
export function defaultPanelState(): PanelState {
  const cfg = readConfig();
  return { view: "curves", curves: [{ id: cfg.defaultActivation, params: {} }], range: cfg.defaultRange, layout: "side-by-side" };
}

/** What `activate` returns: used by the integration tests (and by nothing else). */
export interface ActivationLensApi {
  readonly panel: typeof ActivationPanel;
  readonly sideView: SideViewProvider;
  readonly onDidRender: typeof onDidRender;
  readonly onDidReportError: typeof onDidReportError;
  rejectedMessages(): number;
  /** The settings as the extension reads them (clamped and defaulted). */
  readConfig: typeof readConfig;
  /** The last error message a command showed (tests check bad input gets a clear message). */
  lastError(): string | undefined;
}

let lastErrorMessage: string | undefined;

/** Runs a command body; a UserError becomes a clear error message, anything else an "unexpected" one. */
function guarded<A extends unknown[], R>(name: string, fn: (...args: A) => R | Promise<R>) {
  return async (...args: A): Promise<R | undefined> => {
    try {
      return await fn(...args);
    } catch (e) {
      const msg =
        e instanceof UserError
          ? `Activation Lens: ${e.message}`
          : `Activation Lens: ${name} failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`;
      lastErrorMessage = msg;
      if (!(e instanceof UserError)) {
        console.error(`[Activation Lens] ${name}`, e);
      }
      void vscode.window.showErrorMessage(msg);
      return undefined;
    }
  };
}

export function activate(context: vscode.ExtensionContext): ActivationLensApi {
  const uri = context.extensionUri;
  const sideView = new SideViewProvider(uri, context.workspaceState);
  context.subscriptions.push(
    sideView,
    vscode.window.registerWebviewViewProvider(SIDE_VIEW_ID, sideView),
    vscode.commands.registerCommand(
      CommandIds.plotActivation,
      guarded("Plot Activation Function", async (args?: PlotArgs) => {
        const state = await plotActivation(context, args && typeof args === "object" && !(args instanceof vscode.Uri) ? args : undefined);
        if (state) {
          sideView.pin(state);
        }
        return state;
      }),
    ),
    vscode.commands.registerCommand(CommandIds.plotSelection, guarded("Plot Selected Values", (args?: unknown) => plotSelection(context, args))),
    vscode.commands.registerCommand(
      CommandIds.heatmapSelection,
      guarded("Show Layer Activation Heatmap", (args?: unknown) => heatmapSelection(context, args)),
    ),
    vscode.commands.registerCommand(CommandIds.applyToSelection, guarded("Apply Activation to Selection", (args?: unknown) => applyToSelection(args))),
    vscode.commands.registerCommand(CommandIds.exportView, guarded("Export View", (args?: unknown) => exportView(args))),
    ...EXPLAIN_TOPICS.map((topic) =>
      vscode.commands.registerCommand(EXPLAIN_COMMANDS[topic], guarded(`Explain ${topic}`, (args?: unknown) => explain(context, topic, args))),
    ),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, saved: unknown) {
        ActivationPanel.revive(panel, uri, saved, defaultPanelState());
      },
    }),
    vscode.languages.registerHoverProvider({ scheme: "*" }, new ActivationHoverProvider()),
    { dispose: () => ActivationPanel.instance?.dispose() },
  );
  return {
    panel: ActivationPanel,
    sideView,
    onDidRender,
    onDidReportError,
    rejectedMessages,
    readConfig,
    lastError: () => lastErrorMessage,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
