import { isPanelState, isToWebviewMessage, type PanelState, type RenderedMessage } from "../../shared/protocol";
import { onThemeChange } from "../theme";
import { vscodeApi } from "../vscodeApi";
import { CurvesView } from "./curves";

/**
 * Entry of the panel webview. Posts `ready`; the host answers `show` with the state to draw. The state
 * is kept with setState so the serializer can revive the panel after a reload.
 */
const vscode = vscodeApi<PanelState>();
const app = document.getElementById("app") as HTMLElement;
const curves = new CurvesView(app);
let current: PanelState | undefined = isPanelState(vscode.getState()) ? vscode.getState() : undefined;

function draw(state: PanelState): void {
  current = state;
  vscode.setState(state);
  try {
    const r = curves.render(state);
    const msg: RenderedMessage = { type: "rendered", view: state.view, ...r };
    vscode.postMessage(msg);
  } catch (e) {
    app.replaceChildren(Object.assign(document.createElement("p"), { className: "error", textContent: String(e) }));
    vscode.postMessage({ type: "error", message: e instanceof Error ? e.message : String(e) });
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
      draw(m.state);
      break;
  }
});

onThemeChange(() => {
  if (current) {
    draw(current);
  }
});

if (current) {
  draw(current);
}
vscode.postMessage({ type: "ready" });
