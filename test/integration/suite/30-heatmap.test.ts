import assert from "node:assert/strict";
import * as vscode from "vscode";
import { applyActivation } from "../../../src/core/kernels";
import { parseNumbers } from "../../../src/core/parse";
import { hasBrowser, inspectCanvas, screenshot, setWebviewInput } from "../browser";
import { activateExtension, closeAllEditors, nextRender, openExample, selectBetween, sleep } from "../helpers";

describe("Show Layer Activation Heatmap for Selection", function () {
  this.timeout(60_000);
  before(closeAllEditors);

  it("reads the printed numpy array and sends its values, activation and shape to the heatmap", async () => {
    const api = await activateExtension();
    const editor = await openExample("tensors.txt");
    const text = selectBetween(editor, "array([[", "dtype=float32)");
    const expected = parseNumbers(text);
    const rendered = nextRender(api, (r) => r.view === "heatmap");
    await vscode.commands.executeCommand("activationLens.heatmapSelection");
    const r = await rendered;
    assert.deepEqual(r.curves, ["relu"]);
    assert.deepEqual(r.canvases.slice(0, 2), ["heatmap-pre", "heatmap-post"]);
    assert.equal(r.summary.rows, 6);
    assert.equal(r.summary.units, 8);
    const sum = Array.from(expected.data).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(Number(r.summary.checksum) - sum) < 1e-9, `checksum ${r.summary.checksum} vs ${sum}`);
    assert.deepEqual(r.summary.first, Array.from(expected.data.slice(0, 8)));
    // Unit 2 was printed with a large negative bias: dead after ReLU.
    assert.deepEqual(r.summary.deadUnitIndices, [2]);
    const post = applyActivation("relu", expected.data);
    const zeros = Array.from(post).filter((v) => v === 0).length / post.length;
    assert.ok(Math.abs(Number(r.summary.sparsity) - zeros) < 1e-12, `sparsity ${r.summary.sparsity} vs ${zeros}`);
  });

  it("the browser sees both heatmaps drawn", async function () {
    if (!hasBrowser) {
      this.skip();
    }
    for (const id of ["heatmap-pre", "heatmap-post"]) {
      const c = await inspectCanvas(id, `heatmap-numpy-${id}`);
      assert.ok(c.found, `${id} not found`);
      assert.ok(c.nonBlank > 1000, `${id} has only ${c.nonBlank} drawn pixels`);
      assert.ok(c.distinctColors >= 4, `${id} has only ${c.distinctColors} colours`);
    }
    await screenshot("heatmap-numpy-panel");
  });

  it("takes the activation and params from args, and flattens a 3-D tensor into rows", async () => {
    const api = await activateExtension();
    const doc = await vscode.workspace.openTextDocument({
      content: "tensor([[[ 0.5, -1.0],\n         [ 2.0, -3.0]],\n\n        [[-0.5,  1.0],\n         [ 3.0,  4.0]]])\n",
    });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, doc.lineCount, 0);
    const rendered = nextRender(api, (r) => r.view === "heatmap" && r.curves[0] === "leaky_relu");
    await vscode.commands.executeCommand("activationLens.heatmapSelection", { activation: "leaky_relu", params: { negative_slope: 0.2 } });
    const r = await rendered;
    assert.deepEqual(r.params, [{ negative_slope: 0.2 }]);
    assert.equal(r.summary.rows, 4);
    assert.equal(r.summary.units, 2);
    assert.equal(r.summary.sparsity, 0, "leaky ReLU leaves no exact zeros here");
    const st = api.panel.instance?.channel.currentState;
    assert.ok(st?.view === "heatmap" && /3-D input 2 × 2 × 2/.test(st.note ?? ""), `note: ${st?.view === "heatmap" ? st.note : ""}`);
  });

  it("a 1000×1000 selection renders (pooled, not truncated)", async function () {
    const api = await activateExtension();
    const rows: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const row: string[] = [];
      for (let j = 0; j < 1000; j++) {
        row.push(i === 500 && j === 500 ? "50.0" : ((((i * 7919 + j * 104729) % 1000) / 500 - 1) * 2).toFixed(3));
      }
      rows.push(row.join(","));
    }
    const doc = await vscode.workspace.openTextDocument({ content: rows.join("\n") });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, doc.lineCount, 0);
    const rendered = nextRender(api, (r) => r.view === "heatmap" && r.summary.rows === 1000, "panel", 40_000);
    await vscode.commands.executeCommand("activationLens.heatmapSelection");
    const r = await rendered;
    assert.equal(r.summary.units, 1000);
    assert.equal(r.summary.pooled, true);
    assert.equal(r.summary.preMax, 50);
    if (hasBrowser) {
      const c = await inspectCanvas("heatmap-pre", "heatmap-1000x1000-pre");
      assert.ok(c.found && c.nonBlank > 1000);
    }
  });

  it("the pooling choice (block mean) is kept in the state the host holds, so a reload or export keeps it", async function () {
    if (!hasBrowser) {
      this.skip();
    }
    const api = await activateExtension();
    assert.equal(api.panel.instance?.channel.rendered?.summary.poolingMode, "extreme");
    const rendered = nextRender(api, (r) => r.view === "heatmap" && r.summary.poolingMode === "mean");
    assert.ok((await setWebviewInput("heatmap-pooling-mode", "mean")).found, "the pooling select exists");
    await rendered;
    await sleep(300); // the stateChanged reaches the host
    const st = api.panel.instance?.channel.currentState;
    assert.ok(st?.view === "heatmap" && st.pooling === "mean", `host state pooling: ${st?.view === "heatmap" ? st.pooling : st?.view}`);
  });
});
