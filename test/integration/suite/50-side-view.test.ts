import assert from "node:assert/strict";
import * as vscode from "vscode";
import { hasBrowser, inspectCanvas, screenshot } from "../browser";
import { activateExtension, closeAllEditors, nextEvent, nextRender, openExample, selectBetween, sleep } from "../helpers";

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
