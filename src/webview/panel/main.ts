import { bytesToBase64, MAX_PERSISTED_VALUES, readPersisted, type PersistedState } from "../../shared/persisted";
import {
  isToWebviewMessage,
  type ExportedMessage,
  type PanelState,
  type RenderedMessage,
} from "../../shared/protocol";
import { h } from "../dom";
import { onThemeChange } from "../theme";
import { vscodeApi } from "../vscodeApi";
import { CurveControls } from "./curveControls";
import { CurvesView, type CurvesRender } from "./curves";
import { ExplainView } from "../explain/view";
import { HeatmapView } from "../heatmap/view";

/**
 * Entry of the Activation Lens webviews (the panel and the side view share it; `body[data-surface]`
 * says which). Posts `ready`; the host answers `show` with the state to draw. State is saved with
 * setState so the serializer can revive the panel after a reload; the HTML is never replaced.
 */
const vscode = vscodeApi<PersistedState>();
const surface = document.body.dataset.surface === "side" ? "side" : "panel";
const app = document.getElementById("app") as HTMLElement;
const caption = h("p", { class: "caption", "data-testid": "caption" });
const errorBox = h("div", { class: "error", role: "alert", "data-testid": "error" });
const controlsRoot = h("div", { class: "controls" });
const viewRoot = h("div", { class: "view" });
app.replaceChildren(caption, controlsRoot, errorBox, viewRoot);

let current: PanelState | undefined;
let data: Float64Array | undefined;

/** What every view of the webview offers the router. */
interface View {
  render(state: PanelState, data: Float64Array | undefined): Omit<RenderedMessage, "type" | "view">;
  exportImage(): { png: string; csv: string };
  destroy(): void;
}

/** Curves with their controls (the controls only on the panel surface). */
class CurvesPanel implements View {
  private readonly curves = new CurvesView(viewRoot);
  private readonly controls = new CurveControls(controlsRoot, (s) => update(s));
  render(state: PanelState): CurvesRender {
    if (state.view !== "curves") {
      throw new Error("internal: curves view given another state");
    }
    if (surface === "panel") {
      this.controls.render(state);
    }
    return this.curves.render(surface === "side" ? { ...state, layout: "stacked" } : state);
  }
  exportImage() {
    return this.curves.exportImage();
  }
  destroy() {
    this.curves.destroy();
    controlsRoot.replaceChildren();
  }
}

class HeatmapPanel implements View {
  private readonly view = new HeatmapView(viewRoot, (s) => update(s), surface);
  render(state: PanelState, values: Float64Array | undefined) {
    if (state.view !== "heatmap") {
      throw new Error("internal: heatmap view given another state");
    }
    if (!values || values.length !== state.rows * state.units) {
      throw new Error("the heatmap's values did not arrive; run the command again");
    }
    return this.view.render(state, values);
  }
  exportImage() {
    return this.view.exportImage();
  }
  destroy() {
    this.view.destroy();
  }
}

class ExplainPanel implements View {
  private readonly view = new ExplainView(viewRoot, (s) => update(s), surface);
  render(state: PanelState, values: Float64Array | undefined) {
    if (state.view !== "explain") {
      throw new Error("internal: explainer view given another state");
    }
    return this.view.render(state, values);
  }
  exportImage() {
    return this.view.exportImage();
  }
  destroy() {
    this.view.destroy();
  }
}

let active: { kind: PanelState["view"]; view: View } | undefined;

function viewFor(state: PanelState): View {
  if (active?.kind === state.view) {
    return active.view;
  }
  clearView();
  const view = state.view === "curves" ? new CurvesPanel() : state.view === "heatmap" ? new HeatmapPanel() : new ExplainPanel();
  active = { kind: state.view, view };
  return view;
}

function clearView(): void {
  active?.view.destroy();
  active = undefined;
  controlsRoot.replaceChildren();
  viewRoot.replaceChildren();
}

function persist(state: PanelState): void {
  const saved: PersistedState = { state };
  if (data && data.length > 0 && data.length <= MAX_PERSISTED_VALUES) {
    saved.data = bytesToBase64(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  vscode.setState(saved);
}

/** A change made in the webview (controls): redraw, save, tell the host. */
function update(state: PanelState): void {
  draw(state);
  vscode.postMessage({ type: "stateChanged", state });
}

function showError(message: string | undefined): void {
  errorBox.textContent = message ?? "";
  errorBox.hidden = !message;
}

function captionOf(state: PanelState): string {
  switch (state.view) {
    case "curves":
      return state.caption ?? "";
    case "heatmap":
      return state.source;
    case "explain":
      return state.selection ? `Your values: ${state.selection.label}` : "";
  }
}

function draw(state: PanelState): void {
  current = state;
  persist(state);
  caption.textContent = captionOf(state);
  caption.hidden = !caption.textContent;
  try {
    const r = viewFor(state).render(state, data);
    showError(undefined);
    const msg: RenderedMessage = { type: "rendered", view: state.view, ...r };
    vscode.postMessage(msg);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    showError(message);
    vscode.postMessage({ type: "error", message });
  }
}

function fileStem(state: PanelState): string {
  switch (state.view) {
    case "curves":
      return `curves-${state.curves.map((c) => c.id).join("-")}`;
    case "heatmap":
      return `heatmap-${state.activation.id}`;
    case "explain":
      return `explain-${state.topic}`;
  }
}

function exportView(requestId: number): void {
  if (!active || !current) {
    vscode.postMessage({ type: "exportFailed", requestId, message: "nothing to export yet" });
    return;
  }
  try {
    const { png, csv } = active.view.exportImage();
    const name = fileStem(current).replace(/[^\w.-]/g, "_").slice(0, 100);
    const msg: ExportedMessage = { type: "exported", requestId, png, csv, name };
    vscode.postMessage(msg);
  } catch (e) {
    // e.g. "Invalid string length" for the CSV of a huge heatmap: say so at once rather than time out.
    vscode.postMessage({ type: "exportFailed", requestId, message: `the view could not be exported: ${e instanceof Error ? e.message : String(e)}` });
  }
}

window.addEventListener("message", (event: MessageEvent<unknown>) => {
  const m = event.data;
  if (!isToWebviewMessage(m)) {
    console.warn("Activation Lens: ignored a malformed message", m);
    return;
  }
  switch (m.type) {
    case "show":
      data = m.data ? new Float64Array(m.data) : undefined;
      draw(m.state);
      break;
    case "exportRequest":
      exportView(m.requestId);
      break;
    case "idle":
      clearView();
      current = undefined;
      caption.hidden = true;
      showError(undefined);
      viewRoot.replaceChildren(h("p", { class: "idle", "data-testid": "idle", text: m.message }));
      break;
    default: {
      const never: never = m;
      return never;
    }
  }
});

onThemeChange(() => {
  if (current) {
    draw(current);
  }
});

const saved = readPersisted(vscode.getState());
if (saved) {
  data = saved.data ? new Float64Array(saved.data) : undefined;
  draw(saved.state);
}
showError(undefined);
vscode.postMessage({ type: "ready" });
