import * as vscode from "vscode";
import { isPanelState, type CurvesState, type PanelState } from "../shared/protocol";
import { readConfig } from "./config";
import { followEditor, type FollowResult } from "./follow";
import { WebviewChannel } from "./webviewChannel";
import { webviewPage, webviewResourceRoots } from "./webviewHtml";

const DEBOUNCE_MS = 200;
/** workspaceState key of the curve the user last plotted (the side view's pinned curve survives a reload). */
const PINNED_KEY = "activationLens.sideView.pinned";

/**
 * The side view (`activationLens.sideView`): follows the active editor — the activation call under the
 * cursor, a numeric selection, or else the last pinned curve. Debounced; a newer editor event makes any
 * pending one stale (it is dropped). The channel replays the last state whenever the view's webview is
 * re-created (the view was hidden and shown again).
 *
 * The pinned curve is the last one the user plotted (kept in workspaceState), or else the default
 * activation and range from the settings (followed when they change). With `sideView.follow` off the view
 * shows the pinned curve.
 */
export class SideViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  readonly channel = new WebviewChannel("side");
  private view: vscode.WebviewView | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private pinned: CurvesState;
  /** Whether `pinned` is the user's own plot (else it follows the default settings). */
  private userPinned = false;
  private readonly disposables: vscode.Disposable[] = [];
  /** The last decision (for tests and the status of the view). */
  lastFollow: FollowResult | undefined;
  private readonly followedEmitter = new vscode.EventEmitter<FollowResult>();
  readonly onDidFollow = this.followedEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly memento?: vscode.Memento,
  ) {
    const saved: unknown = memento?.get(PINNED_KEY);
    if (isPanelState(saved) && saved.view === "curves") {
      this.pinned = saved;
      this.userPinned = true;
    } else {
      this.pinned = SideViewProvider.defaultPinned();
    }
    this.channel.show(this.pinned);
    this.disposables.push(
      vscode.window.onDidChangeTextEditorSelection((e) => this.schedule(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((e) => this.schedule(e)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration("activationLens")) {
          if (!this.userPinned) {
            this.pinned = SideViewProvider.defaultPinned();
            if (this.lastFollow?.kind !== "show") {
              this.channel.show(this.pinned);
            }
          }
          this.schedule(vscode.window.activeTextEditor);
        }
      }),
    );
  }

  private static defaultPinned(): CurvesState {
    const cfg = readConfig();
    return { view: "curves", curves: [{ id: cfg.defaultActivation, params: {} }], range: cfg.defaultRange, layout: "stacked" };
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: webviewResourceRoots(this.extensionUri) };
    this.channel.attach(view.webview);
    view.webview.html = webviewPage({ webview: view.webview, extensionUri: this.extensionUri, script: "panel", title: "Activation Lens", surface: "side" });
    view.onDidDispose(() => {
      this.view = undefined;
    });
    view.onDidChangeVisibility(() => {
      if (view.visible) {
        this.schedule(vscode.window.activeTextEditor);
      }
    });
    this.schedule(vscode.window.activeTextEditor);
  }

  get visible(): boolean {
    return this.view?.visible ?? false;
  }

  /** The curve shown when nothing else applies (the last one the user plotted). */
  pin(state: PanelState): void {
    if (state.view === "curves") {
      const { markers: _markers, caption: _caption, ...curve } = state;
      this.pinned = { ...curve, layout: "stacked" };
      this.userPinned = true;
      void this.memento?.update(PINNED_KEY, this.pinned);
      if (this.lastFollow?.kind !== "show" || !readConfig().sideViewFollow) {
        this.lastFollow = { kind: "pinned" };
        this.channel.show(this.pinned);
      }
    }
  }

  private schedule(editor: vscode.TextEditor | undefined): void {
    const gen = ++this.generation;
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (gen === this.generation) {
        this.update(editor, gen);
      }
    }, DEBOUNCE_MS);
  }

  private update(editor: vscode.TextEditor | undefined, gen: number): void {
    const cfg = readConfig();
    // Nothing to do while the view is closed or hidden: it catches up when it becomes visible.
    if (!this.view?.visible) {
      return;
    }
    if (!cfg.sideViewFollow) {
      // not following: the pinned curve, not whatever the editor showed last
      if (this.lastFollow?.kind !== "pinned") {
        this.lastFollow = { kind: "pinned" };
        this.channel.show(this.pinned);
        this.followedEmitter.fire(this.lastFollow);
      }
      return;
    }
    if (!editor) {
      return;
    }
    let result: FollowResult;
    try {
      result = followEditor(editor.document, editor.selection, cfg, this.pinned);
      if (gen !== this.generation) {
        return; // stale: a newer event arrived while this one ran
      }
      if (result.kind === "show") {
        this.channel.show(result.state, result.data);
      } else {
        this.channel.show(this.pinned);
      }
    } catch (e) {
      console.warn("[Activation Lens] side view could not follow the editor:", e);
      return;
    }
    this.lastFollow = result;
    this.followedEmitter.fire(result);
  }

  dispose(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.channel.dispose();
    this.followedEmitter.dispose();
    while (this.disposables.length) {
      this.disposables.pop()?.dispose();
    }
  }
}
