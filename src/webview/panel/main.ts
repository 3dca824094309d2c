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
let curvesView: CurvesView | undefined;
let heatmapView: HeatmapView | undefined;
const curveControls = new CurveControls(controlsRoot, (s) => update(s));

function persist(state: PanelState): void {
  const saved: PersistedState = { state };
  if (state.view === "heatmap" && data && data.length <= MAX_PERSISTED_VALUES) {
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

function draw(state: PanelState): void {
  current = state;
  persist(state);
  caption.textContent = state.view === "curves" ? (state.caption ?? "") : state.source;
  caption.hidden = !caption.textContent;
  try {
    let r: CurvesRender;
    if (state.view === "curves") {
      heatmapView?.destroy();
      heatmapView = undefined;
      if (surface === "panel") {
        curveControls.render(state);
      } else {
        controlsRoot.replaceChildren();
      }
      curvesView ??= new CurvesView(viewRoot);
      r = curvesView.render(surface === "side" ? { ...state, layout: "stacked" } : state);
    } else {
      curvesView?.destroy();
      curvesView = undefined;
      controlsRoot.replaceChildren();
      if (!data || data.length !== state.rows * state.units) {
        throw new Error("the heatmap's values did not arrive; run the command again");
      }
      heatmapView ??= new HeatmapView(viewRoot, (s) => update(s), surface);
      r = heatmapView.render(state, data);
    }
    showError(undefined);
    const msg: RenderedMessage = { type: "rendered", view: state.view, ...r };
    vscode.postMessage(msg);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    showError(message);
    vscode.postMessage({ type: "error", message });
  }
}

function exportView(requestId: number): void {
  const view = heatmapView ?? curvesView;
  if (!view || !current) {
    vscode.postMessage({ type: "error", message: "nothing to export yet" });
    return;
  }
  const { png, csv } = view.exportImage();
  const name =
    current.view === "curves" ? `curves-${current.curves.map((c) => c.id).join("-")}` : `heatmap-${current.activation.id}`;
  const msg: ExportedMessage = { type: "exported", requestId, png, csv, name: name.replace(/[^\w.-]/g, "_").slice(0, 100) };
  vscode.postMessage(msg);
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
      curvesView?.destroy();
      curvesView = undefined;
      heatmapView?.destroy();
      heatmapView = undefined;
      controlsRoot.replaceChildren();
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
