import assert from "node:assert/strict";
import * as vscode from "vscode";
import { bytesToBase64 } from "../../../src/shared/persisted";
import { activateExtension, closeAllEditors, nextRender } from "../helpers";

describe("Robustness: malformed webview messages, revival after reload", function () {
  this.timeout(60_000);
  before(closeAllEditors);

  it("drops malformed messages from a webview and keeps working", async () => {
    const api = await activateExtension();
    const rendered = nextRender(api, (r) => r.curves.join() === "relu");
    await vscode.commands.executeCommand("activationLens.plotActivation", { ids: ["relu"] });
    await rendered;
    const channel = api.panel.instance!.channel;
    const before = api.rejectedMessages();
    for (const bad of [null, "ready", { type: "rendered" }, { type: "exported", requestId: 1, png: "javascript:x", csv: "", name: "a" }, { type: "stateChanged", state: { view: "curves", curves: [], range: [1, 0] } }]) {
      channel.receiveForTest(bad);
    }
    // well-formed, but a heatmap of 2×3 values while the panel holds none: it could never be replayed
    channel.receiveForTest({
      type: "stateChanged",
      state: { view: "heatmap", rows: 2, units: 3, shape: [2, 3], source: "x", activation: { id: "relu", params: {} }, colormaps: { pre: "RdBu", post: "viridis" }, saturationEps: 1e-3 },
    });
    assert.equal(api.rejectedMessages() - before, 6);
    assert.equal(channel.currentState?.view, "curves", "state untouched");
    const again = nextRender(api, (r) => r.curves.join() === "tanh");
    await vscode.commands.executeCommand("activationLens.plotActivation", { ids: ["tanh"] });
    await again;
  });

  it("the serializer revives a heatmap from the state its webview saved", async () => {
    const api = await activateExtension();
    api.panel.instance?.dispose();
    const values = new Float64Array([-1, 2, -3, 4, 0.5, -0.25]);
    const saved = {
      state: {
        view: "heatmap",
        rows: 2,
        units: 3,
        shape: [2, 3],
        source: "revived",
        activation: { id: "relu", params: {} },
        colormaps: { pre: "RdBu", post: "viridis" },
        saturationEps: 1e-3,
      },
      data: bytesToBase64(new Uint8Array(values.buffer)),
    };
    const panel = vscode.window.createWebviewPanel("activationLens.panel", "Activation Lens", vscode.ViewColumn.One, {});
    const rendered = nextRender(api, (r) => r.view === "heatmap" && r.summary.rows === 2);
    api.panel.revive(panel, vscode.extensions.getExtension("activation-lens.activation-lens")!.extensionUri, saved, {
      view: "curves",
      curves: [{ id: "relu", params: {} }],
      range: [-7, 7],
      layout: "side-by-side",
    });
    const r = await rendered;
    assert.deepEqual(r.summary.first, Array.from(values));
  });

  it("a corrupt saved state falls back to the default curves", async () => {
    const api = await activateExtension();
    api.panel.instance?.dispose();
    const panel = vscode.window.createWebviewPanel("activationLens.panel", "Activation Lens", vscode.ViewColumn.One, {});
    const rendered = nextRender(api, (r) => r.view === "curves");
    api.panel.revive(panel, vscode.extensions.getExtension("activation-lens.activation-lens")!.extensionUri, { state: { view: "heatmap", rows: 2 }, data: "!!" }, {
      view: "curves",
      curves: [{ id: "relu", params: {} }],
      range: [-7, 7],
      layout: "side-by-side",
    });
    assert.deepEqual((await rendered).curves, ["relu"]);
  });
});
