import * as vscode from "vscode";
import {
  isFromWebviewMessage,
  isPanelState,
  type FromWebviewMessage,
  type PanelState,
  type RenderedMessage,
  type ToWebviewMessage,
} from "../shared/protocol";
import { PANEL_VIEW_TYPE } from "./commandIds";
import { webviewPage, webviewResourceRoots } from "./webviewHtml";

/**
 * The Activation Lens panel: a singleton webview panel. The HTML is set once; the webview posts
 * `ready` and the host answers with `show` and the state to draw; later updates go by message.
 * Revived after a reload by the serializer registered in `activate`.
 */
export class ActivationPanel implements vscode.Disposable {
  private static current: ActivationPanel | undefined;
  private static readonly renderedEmitter = new vscode.EventEmitter<RenderedMessage>();
  /** Fires whenever a panel webview reports it drew something (used by tests and the status line). */
  static readonly onDidRender = ActivationPanel.renderedEmitter.event;

  private readonly disposables: vscode.Disposable[] = [];
  private state: PanelState;
  private ready = false;
  private lastRendered: RenderedMessage | undefined;

  static get instance(): ActivationPanel | undefined {
    return ActivationPanel.current;
  }

  /** Shows the panel with this state, creating it if needed. */
  static show(extensionUri: vscode.Uri, state: PanelState): ActivationPanel {
    const existing = ActivationPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, true);
      existing.setState(state);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      "Activation Lens",
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      ActivationPanel.webviewOptions(extensionUri),
    );
    ActivationPanel.current = new ActivationPanel(panel, extensionUri, state);
    return ActivationPanel.current;
  }

  /** Called by the serializer after a reload, with the state the webview saved. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, saved: unknown, fallback: PanelState): ActivationPanel {
    ActivationPanel.current?.dispose();
    panel.webview.options = ActivationPanel.webviewOptions(extensionUri);
    const state = isPanelState(saved) ? saved : fallback;
    ActivationPanel.current = new ActivationPanel(panel, extensionUri, state);
    return ActivationPanel.current;
  }

  private static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: webviewResourceRoots(extensionUri) };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    initial: PanelState,
  ) {
    this.state = initial;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, "media", "icon.png");
    panel.webview.html = webviewPage({ webview: panel.webview, extensionUri, script: "panel", title: "Activation Lens" });
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m), null, this.disposables);
  }

  get currentState(): PanelState {
    return this.state;
  }

  get rendered(): RenderedMessage | undefined {
    return this.lastRendered;
  }

  setState(state: PanelState): void {
    this.state = state;
    if (this.ready) {
      this.post({ type: "show", state });
    }
  }

  private post(message: ToWebviewMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    if (!isFromWebviewMessage(raw)) {
      console.warn("[Activation Lens] ignored a malformed message from the panel webview:", safePreview(raw));
      return;
    }
    const m: FromWebviewMessage = raw;
    switch (m.type) {
      case "ready":
        this.ready = true;
        this.post({ type: "show", state: this.state });
        break;
      case "rendered":
        this.lastRendered = m;
        ActivationPanel.renderedEmitter.fire(m);
        break;
      case "stateChanged":
        this.state = m.state;
        break;
      case "error":
        void vscode.window.showErrorMessage(`Activation Lens: ${m.message}`);
        break;
      default: {
        const never: never = m;
        return never;
      }
    }
  }

  dispose(): void {
    if (ActivationPanel.current === this) {
      ActivationPanel.current = undefined;
    }
    this.panel.dispose();
    while (this.disposables.length) {
      this.disposables.pop()?.dispose();
    }
  }
}

function safePreview(x: unknown): string {
  try {
    return JSON.stringify(x).slice(0, 200);
  } catch {
    return String(x).slice(0, 200);
  }
}
