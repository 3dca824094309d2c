import * as vscode from "vscode";
import { readPersisted } from "../shared/persisted";
import type { PanelState } from "../shared/protocol";
import { PANEL_VIEW_TYPE } from "./commandIds";
import { WebviewChannel } from "./webviewChannel";
import { webviewPage, webviewResourceRoots } from "./webviewHtml";

/**
 * The Activation Lens panel: a singleton webview panel. The HTML is set once; the webview posts
 * `ready` and the channel answers with the state to draw; later updates go by message.
 * Revived after a reload by the serializer registered in `activate`, from the state the webview saved.
 */
export class ActivationPanel implements vscode.Disposable {
  private static current: ActivationPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  readonly channel: WebviewChannel;

  static get instance(): ActivationPanel | undefined {
    return ActivationPanel.current;
  }

  /** Shows the panel with this state (and data for heatmaps), creating it if needed. */
  static show(extensionUri: vscode.Uri, state: PanelState, data?: ArrayBuffer): ActivationPanel {
    const existing = ActivationPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, true);
      existing.channel.show(state, data);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      "Activation Lens",
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      ActivationPanel.webviewOptions(extensionUri),
    );
    try {
      ActivationPanel.current = new ActivationPanel(panel, extensionUri, state, data);
    } catch (e) {
      panel.dispose(); // a state the view cannot take: no empty tab left behind
      throw e;
    }
    return ActivationPanel.current;
  }

  /** Called by the serializer after a reload, with what the webview saved. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, saved: unknown, fallback: PanelState): ActivationPanel {
    const live = ActivationPanel.current;
    if (live) {
      // VS Code revives a restored tab only when it is first shown; by then the user may have a newer
      // panel open. The live one wins: the stale tab closes.
      panel.dispose();
      live.panel.reveal(undefined, true);
      return live;
    }
    panel.webview.options = ActivationPanel.webviewOptions(extensionUri);
    const restored = readPersisted(saved);
    ActivationPanel.current = new ActivationPanel(panel, extensionUri, restored?.state ?? fallback, restored?.data);
    return ActivationPanel.current;
  }

  static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: webviewResourceRoots(extensionUri) };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    initial: PanelState,
    data: ArrayBuffer | undefined,
  ) {
    this.channel = new WebviewChannel("panel");
    this.channel.attach(panel.webview);
    this.channel.show(initial, data);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, "media", "icon.png");
    panel.webview.html = webviewPage({ webview: panel.webview, extensionUri, script: "panel", title: "Activation Lens", surface: "panel" });
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    // Without retained context a hidden webview is destroyed; it posts `ready` again when shown.
    panel.onDidChangeViewState(
      (e) => {
        if (!e.webviewPanel.visible) {
          this.channel.markNotReady();
        }
      },
      null,
      this.disposables,
    );
  }

  /** Brings the panel to the front and waits until its webview is loaded and has the state. */
  async revealAndWait(): Promise<void> {
    this.panel.reveal(undefined, true);
    await this.channel.whenReady();
  }

  dispose(): void {
    if (ActivationPanel.current === this) {
      ActivationPanel.current = undefined;
    }
    this.channel.dispose();
    this.panel.dispose();
    while (this.disposables.length) {
      this.disposables.pop()?.dispose();
    }
  }
}
