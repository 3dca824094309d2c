import * as vscode from "vscode";
import {
  dataLength,
  isFromWebviewMessage,
  isToWebviewMessage,
  type ExportedMessage,
  type FromWebviewMessage,
  type PanelState,
  type RenderedMessage,
  type Surface,
  type ToWebviewMessage,
} from "../shared/protocol";
import { UserError } from "./selection";

/** A state the host built but the protocol cannot carry (too long a label, too deep a shape...). */
export class OutgoingStateError extends UserError {}

/** What a webview (panel or side view) last drew, with where it lives. */
export interface RenderedEvent extends RenderedMessage {
  surface: Surface;
}

const renderedEmitter = new vscode.EventEmitter<RenderedEvent>();
/** Fires whenever any Activation Lens webview reports it drew something (tests listen to this). */
export const onDidRender = renderedEmitter.event;

const errorEmitter = new vscode.EventEmitter<{ surface: Surface; message: string }>();
/** Fires when a webview reports an error it showed to the user. */
export const onDidReportError = errorEmitter.event;

let rejectedCount = 0;
/** How many malformed messages webviews have sent (and were dropped). */
export function rejectedMessages(): number {
  return rejectedCount;
}

/**
 * The host end of one webview: validates every message received, answers `ready` with the last state
 * (so a webview that is re-created, e.g. a side view shown again, replays it), forwards data as an
 * ArrayBuffer, and matches export replies to their requests.
 */
export class WebviewChannel implements vscode.Disposable {
  private webview: vscode.Webview | undefined;
  private ready = false;
  private state: PanelState | undefined;
  private data: ArrayBuffer | undefined;
  private idle: string | undefined;
  private lastRendered: RenderedMessage | undefined;
  private nextRequest = 1;
  private readonly pendingExports = new Map<number, { resolve: (m: ExportedMessage) => void; reject: (e: Error) => void }>();
  private readyWaiters: (() => void)[] = [];
  private listener: vscode.Disposable | undefined;

  constructor(
    readonly surface: Surface,
    private readonly onStateChanged?: (state: PanelState) => void,
  ) {}

  /** Attaches to a (new) webview whose HTML has just been set; it will post `ready`. */
  attach(webview: vscode.Webview): void {
    this.listener?.dispose();
    this.webview = webview;
    this.ready = false;
    this.listener = webview.onDidReceiveMessage((m: unknown) => this.receive(m));
  }

  get currentState(): PanelState | undefined {
    return this.state;
  }

  get currentData(): ArrayBuffer | undefined {
    return this.data;
  }

  get rendered(): RenderedMessage | undefined {
    return this.lastRendered;
  }

  /**
   * Shows `state` (and its values). Throws when the webview's own validator would drop the message — a
   * state the host must never send silently (the caller turns it into a message for the user).
   */
  show(state: PanelState, data?: ArrayBuffer): void {
    if (!isToWebviewMessage({ type: "show", state, data })) {
      throw new OutgoingStateError(`the view cannot show this ${state.view} (a label, shape or setting is out of bounds)`);
    }
    this.state = state;
    this.data = data;
    this.idle = undefined;
    this.flush();
  }

  showIdle(message: string): void {
    this.idle = message;
    this.state = undefined;
    this.data = undefined;
    this.flush();
  }

  /** The webview was destroyed (hidden without retained context): wait for its next `ready`. */
  markNotReady(): void {
    this.ready = false;
  }

  /** Resolves once the webview has posted `ready` (at once if it has), or rejects after `ms`. */
  whenReady(ms = 15_000): Promise<void> {
    if (this.ready) {
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the view did not load")), ms);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private flush(): void {
    if (!this.ready) {
      return;
    }
    if (this.state) {
      // A copy: postMessage may transfer/clone, and the channel keeps its own for replays.
      this.post({ type: "show", state: this.state, data: this.data?.slice(0) });
    } else if (this.idle !== undefined) {
      this.post({ type: "idle", message: this.idle });
    }
  }

  /** Asks the webview for its picture and data. Rejects after `ms` without an answer. */
  requestExport(ms = 15_000): Promise<ExportedMessage> {
    if (!this.webview || !this.ready) {
      return Promise.reject(new Error("the view is not ready"));
    }
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingExports.delete(requestId);
        reject(new Error("the view did not answer the export request"));
      }, ms);
      this.pendingExports.set(requestId, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.post({ type: "exportRequest", requestId });
    });
  }

  private post(message: ToWebviewMessage): void {
    void this.webview?.postMessage(message);
  }

  private receive(raw: unknown): void {
    if (!isFromWebviewMessage(raw)) {
      rejectedCount++;
      console.warn(`[Activation Lens] dropped a malformed message from the ${this.surface} webview: ${preview(raw)}`);
      return;
    }
    const m: FromWebviewMessage = raw;
    switch (m.type) {
      case "ready":
        this.ready = true;
        this.flush();
        for (const w of this.readyWaiters.splice(0)) {
          w();
        }
        break;
      case "rendered":
        this.lastRendered = m;
        renderedEmitter.fire({ ...m, surface: this.surface });
        break;
      case "stateChanged":
        // The values stay with the host: a state must fit them (else replaying it would be dropped by the view).
        if (dataLength(m.state) * 8 !== (this.data?.byteLength ?? 0)) {
          rejectedCount++;
          console.warn(`[Activation Lens] dropped a ${m.state.view} state from the ${this.surface} webview that does not fit the values it shows`);
          return;
        }
        this.state = m.state;
        this.onStateChanged?.(m.state);
        break;
      case "error":
        errorEmitter.fire({ surface: this.surface, message: m.message });
        break;
      case "exported": {
        const pending = this.pendingExports.get(m.requestId);
        this.pendingExports.delete(m.requestId);
        pending?.resolve(m);
        break;
      }
      case "exportFailed": {
        const pending = this.pendingExports.get(m.requestId);
        this.pendingExports.delete(m.requestId);
        pending?.reject(new Error(m.message));
        break;
      }
      default: {
        const never: never = m;
        return never;
      }
    }
  }

  /** Test hook: feed a raw message as if the webview had sent it (validation included). */
  receiveForTest(raw: unknown): void {
    this.receive(raw);
  }

  dispose(): void {
    this.listener?.dispose();
    for (const p of this.pendingExports.values()) {
      p.reject(new Error("the view was closed"));
    }
    this.pendingExports.clear();
  }
}

function preview(x: unknown): string {
  try {
    return JSON.stringify(x)?.slice(0, 200) ?? String(x);
  } catch {
    return String(x).slice(0, 200);
  }
}
