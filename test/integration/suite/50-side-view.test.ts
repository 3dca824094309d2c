import assert from "node:assert/strict";
import * as vscode from "vscode";
import { hasBrowser, inspectCanvas, screenshot } from "../browser";
import { EXTENSION_ID, activateExtension, closeAllEditors, nextEvent, nextRender, openExample, selectBetween, sleep, untitled } from "../helpers";

describe("The Activation side view follows the editor", function () {
  this.timeout(60_000);
  before(async () => {
    await closeAllEditors();
    await activateExtension();
    // Every test needs the view open (and each may run alone under --grep).
    await vscode.commands.executeCommand("activationLens.sideView.focus");
  });

  it("shows the curve of the activation call under the cursor, with the parameters from the code", async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand("activationLens.sideView.focus");
    const editor = await openExample("model.py");
    const text = editor.document.getText();
    const at = text.indexOf("nn.LeakyReLU(0.2)") + 5;
    const rendered = nextRender(api, (r) => r.curves[0] === "leaky_relu", "side");
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at));
    const r = await rendered;
    assert.deepEqual(r.params[0], { negative_slope: 0.2 });
    assert.equal(api.sideView.lastFollow?.kind, "show");
    if (hasBrowser) {
      const c = await inspectCanvas("curve-f", "side-leaky-relu-curve-f");
      assert.ok(c.found && c.nonBlank > 500 && c.distinctColors >= 3, JSON.stringify(c));
      await screenshot("side-view-leaky-relu");
    }
  });

  it("moves to the next call as the cursor moves (F.elu with alpha=0.5)", async () => {
    const api = await activateExtension();
    const editor = vscode.window.activeTextEditor!;
    const at = editor.document.getText().indexOf("F.elu(") + 3;
    const rendered = nextRender(api, (r) => r.curves[0] === "elu", "side");
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at));
    const r = await rendered;
    assert.equal(r.params[0].alpha, 0.5);
  });

  it("shows a heatmap for a numeric selection", async () => {
    const api = await activateExtension();
    const editor = await openExample("tensors.txt");
    const rendered = nextRender(api, (r) => r.view === "heatmap", "side");
    selectBetween(editor, "tensor([[", "grad_fn=<MulBackward0>)");
    const r = await rendered;
    assert.equal(r.summary.rows, 4);
    assert.equal(r.summary.units, 5);
    if (hasBrowser) {
      const c = await inspectCanvas("heatmap-pre", "side-heatmap-pre");
      assert.ok(c.found && c.nonBlank > 200, JSON.stringify(c));
      await screenshot("side-view-heatmap");
    }
  });

  it("replays its last state when it becomes visible again", async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand("workbench.view.explorer");
    await sleep(500);
    const replay = nextRender(api, (r) => r.view === "heatmap" && r.summary.rows === 4, "side");
    await vscode.commands.executeCommand("activationLens.sideView.focus");
    await replay;
  });

  it("widens the x range to show selected values beyond it", async () => {
    const api = await activateExtension();
    const editor = await untitled("[120.5, 340.2, 99.1]");
    const rendered = nextRender(api, () => {
      const st = api.sideView.channel.currentState;
      return st?.view === "curves" && st.markers?.values.length === 3;
    }, "side");
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
    await rendered;
    const st = api.sideView.channel.currentState;
    assert.ok(st?.view === "curves", JSON.stringify(st));
    assert.ok(st.range[0] <= 99.1 && st.range[1] >= 340.2, `range ${st.range} shows 99.1 … 340.2`);
  });

  it("with follow turned off, shows the curve just plotted instead of the last followed call", async () => {
    const api = await activateExtension();
    const editor = await openExample("model.py");
    const at = editor.document.getText().indexOf("nn.LeakyReLU(0.2)") + 5;
    const followed = nextRender(api, (r) => r.curves[0] === "leaky_relu", "side");
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at));
    await followed;
    const cfg = vscode.workspace.getConfiguration("activationLens");
    await cfg.update("sideView.follow", false, vscode.ConfigurationTarget.Global);
    try {
      const pinned = nextRender(api, (r) => r.curves.join() === "tanh", "side");
      await vscode.commands.executeCommand("activationLens.plotActivation", { ids: ["tanh"] });
      await pinned;
      assert.equal(api.sideView.lastFollow?.kind, "pinned");
    } finally {
      await cfg.update("sideView.follow", undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it("its fallback curve follows the default settings until the user plots one, which survives a reload", async () => {
    const api = await activateExtension();
    const Provider = api.sideView.constructor as new (uri: vscode.Uri, memento?: vscode.Memento) => typeof api.sideView;
    const store = new Map<string, unknown>();
    const memento = {
      keys: () => [...store.keys()],
      get: (k: string) => store.get(k),
      update: async (k: string, v: unknown) => void store.set(k, v),
    } as unknown as vscode.Memento;
    const uri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    const fresh = new Provider(uri, memento);
    const cfg = vscode.workspace.getConfiguration("activationLens");
    try {
      const st0 = fresh.channel.currentState;
      assert.ok(st0?.view === "curves" && st0.curves[0].id === "relu", JSON.stringify(st0));
      await cfg.update("defaultActivation", "gelu", vscode.ConfigurationTarget.Global);
      await sleep(300);
      const st1 = fresh.channel.currentState;
      assert.ok(st1?.view === "curves" && st1.curves[0].id === "gelu", `follows the setting: ${JSON.stringify(st1)}`);
      fresh.pin({ view: "curves", curves: [{ id: "mish", params: {} }], range: [-3, 3], layout: "side-by-side" });
      await cfg.update("defaultActivation", "tanh", vscode.ConfigurationTarget.Global);
      await sleep(300);
      const st2 = fresh.channel.currentState;
      assert.ok(st2?.view === "curves" && st2.curves[0].id === "mish", `the user's curve stays: ${JSON.stringify(st2)}`);
      const reloaded = new Provider(uri, memento);
      const st3 = reloaded.channel.currentState;
      assert.ok(st3?.view === "curves" && st3.curves[0].id === "mish" && st3.range[1] === 3, `restored: ${JSON.stringify(st3)}`);
      reloaded.dispose();
    } finally {
      fresh.dispose();
      await cfg.update("defaultActivation", undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it("debounces: a burst of cursor moves ends on the last one", async () => {
    const api = await activateExtension();
    const editor = await openExample("model.py");
    const text = editor.document.getText();
    const spots = ["nn.Sigmoid()", "nn.Hardtanh(-2, 2)", "nn.Softplus(beta=2, threshold=10)"].map((s) => text.indexOf(s) + 4);
    const followed = nextEvent(api.sideView.onDidFollow, () => true);
    for (const at of spots) {
      editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at));
      await sleep(20);
    }
    const f = await followed;
    assert.ok(f.kind === "show" && f.state.view === "curves" && f.state.curves[0].id === "softplus", JSON.stringify(f));
  });
});
