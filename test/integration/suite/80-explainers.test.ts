import assert from "node:assert/strict";
import * as vscode from "vscode";
import { normalCdf } from "../../../src/core/activations";
import { hasBrowser, inspectCanvas, screenshot, setWebviewInput } from "../browser";
import { activateExtension, closeAllEditors, nextRender, untitled } from "../helpers";

/** Opens an explainer by its command and returns what the webview reported drawing. */
async function open(command: string, args?: unknown, pred: (s: Record<string, unknown>) => boolean = () => true) {
  const api = await activateExtension();
  const rendered = nextRender(api, (r) => r.view === "explain" && pred(r.summary), "panel", 30_000);
  await vscode.commands.executeCommand(command, args);
  return await rendered;
}

async function canvasesDrawn(ids: string[], name: string): Promise<void> {
  if (!hasBrowser) {
    return;
  }
  for (const id of ids) {
    const c = await inspectCanvas(id, `${name}-${id}`);
    assert.ok(c.found, `${id} not found`);
    assert.ok(c.nonBlank > 1000 && c.distinctColors >= 3, `${id}: ${JSON.stringify(c)}`);
  }
  await screenshot(`${name}-panel`);
}

describe("Explainers", function () {
  this.timeout(90_000);
  before(closeAllEditors);

  it("interactions: f(2A + 3B) with ReLU — raising A raises the output at A=B=1, not at B=−100", async () => {
    const r = await open("activationLens.explainInteraction");
    assert.equal(r.summary.wA, 2);
    assert.equal(r.summary.wB, 3);
    assert.equal(r.summary.b, 0);
    assert.equal(r.summary.activation, "relu");
    assert.equal(r.summary.slopeA_at_1_1, 2);
    assert.equal(r.summary.slopeA_at_B_minus100, 0);
    assert.deepEqual(r.summary.outputRangeAtBminus100, [0, 0]);
    await canvasesDrawn(["explain-interaction"], "explain-interaction");
  });

  it("interactions: the weight slider is live", async function () {
    if (!hasBrowser) {
      this.skip();
    }
    const api = await activateExtension();
    const rendered = nextRender(api, (r) => r.view === "explain" && r.summary.wA === 0.5);
    const set = await setWebviewInput("explain-interaction-wA", 0.5, "change");
    assert.ok(set.found, "the w_A control exists");
    const r = await rendered;
    assert.equal(r.summary.slopeA_at_1_1, 0.5);
  });

  it("bias moves the kink to x = −b (the f(7 + A) example)", async () => {
    const r = await open("activationLens.explainBias");
    const biases = r.summary.biases as number[];
    const kinks = r.summary.kinks as number[];
    assert.ok(biases.includes(7), `biases ${JSON.stringify(biases)}`);
    assert.deepEqual(kinks, biases.map((b) => 0 - b), "kink at x = −b (0 − b keeps +0 for b = 0)");
    assert.equal(r.summary.slopeBelow, 0);
    assert.equal(r.summary.slopeAbove, 1);
    await canvasesDrawn(["explain-bias"], "explain-bias");
  });

  it("sums of ReLUs fit |x| exactly with a kink at 0, and sin better with more units", async () => {
    // One unit: its kink sits mid-range, at 0, where |x| bends.
    let r = await open("activationLens.explainReluSum", { settings: { "reluSum.target": "abs", "reluSum.units": 1 } }, (s) => s.target === "abs");
    assert.deepEqual(r.summary.kinks, [0]);
    assert.ok(Number(r.summary.rmsError) < 1e-6, `|x| error ${r.summary.rmsError}`);
    r = await open("activationLens.explainReluSum", { settings: { "reluSum.target": "sin", "reluSum.units": 16 } }, (s) => s.target === "sin");
    const errs = r.summary.errorVsUnits as number[];
    assert.ok(errs.length >= 4);
    assert.ok(errs[errs.length - 1] < errs[0] / 10, `error vs units ${JSON.stringify(errs)}`);
    await canvasesDrawn(["explain-relusum", "explain-relusum-error"], "explain-relusum");
  });

  it("depth: sigmoid gradients vanish, ReLU with Kaiming keeps them", async () => {
    const r = await open("activationLens.explainDepth", { settings: { "depth.depth": 20, "depth.width": 128, "depth.init": "kaiming" } }, (s) => s.depth === 20);
    // gradRatio = ‖∂loss/∂input‖ / ‖∂loss/∂output layer‖: below 1 means the gradient vanished on the way back.
    const sig = Number(r.summary.gradRatio_sigmoid);
    const relu = Number(r.summary.gradRatio_relu);
    assert.ok(sig < 1e-4, `sigmoid ratio ${sig}`);
    assert.ok(relu > 0.05 && relu < 20, `relu ratio ${relu}`);
    await canvasesDrawn(["explain-depth-std", "explain-depth-grad"], "explain-depth");
  });

  it("dying ReLU: sparsity of relu(N(μ,1)) is Φ(−μ), and ReLU dies where Leaky ReLU does not", async () => {
    const r = await open("activationLens.explainDying", { useSelection: false });
    const shift = Number(r.summary.shift);
    assert.ok(Math.abs(Number(r.summary.sparsityTheory) - normalCdf(-shift)) < 1e-12);
    assert.ok(Math.abs(Number(r.summary.sparsitySimulated) - Number(r.summary.sparsityTheory)) < 0.05);
    assert.equal(r.summary.deadFraction_leaky_relu, 0);
    assert.ok(Number(r.summary.deadFraction_relu) >= Number(r.summary.deadFraction_elu));
    await canvasesDrawn(["explain-dying", "explain-sparsity"], "explain-dying");
  });

  it("dying ReLU with the user's own layer from the selection", async () => {
    const editor = await untitled("[[-5.0, 1.0, 2.0], [-4.0, -1.0, 3.0], [-6.0, 2.0, -0.5]]");
    editor.selection = new vscode.Selection(0, 0, 0, editor.document.lineAt(0).text.length);
    const r = await open("activationLens.explainDying", undefined, (s) => s.selectionDeadCount !== undefined);
    assert.equal(r.summary.selectionDeadCount, 1);
    assert.deepEqual(r.summary.selectionDeadUnits, [0]);
    assert.ok(Math.abs(Number(r.summary.selectionSparsity) - 5 / 9) < 1e-12);
  });

  it("saturation: where |f′| < ε for sigmoid, and the share of a selection there", async () => {
    const editor = await untitled("[-10, -8, -1, 0, 1, 8, 10, 0.5]");
    editor.selection = new vscode.Selection(0, 0, 0, editor.document.lineAt(0).text.length);
    const r = await open("activationLens.explainSaturation", { settings: { "saturation.activation": "sigmoid", "saturation.eps": 0.001 } }, (s) => s.activation === "sigmoid");
    const regions = r.summary.regions as number[];
    // sigmoid′(x) = σ(x)(1 − σ(x)) < 1e-3 for |x| > ≈ 6.906.
    assert.ok(regions.some((v) => Math.abs(Math.abs(v) - 6.9067) < 0.01), `regions ${JSON.stringify(regions)}`);
    assert.equal(r.summary.selectionSaturatedFraction, 4 / 8);
    await canvasesDrawn(["explain-saturation"], "explain-saturation");
  });

  it("running an explainer command again keeps the panel's settings; ε starts from the saturationEpsilon setting", async () => {
    const api = await activateExtension();
    await open("activationLens.explainSaturation", { settings: { "saturation.activation": "tanh", "saturation.eps": 0.02 } }, (s) => s.activation === "tanh");
    await open("activationLens.explainSaturation", undefined, (s) => s.activation === "tanh");
    const st = api.panel.instance?.channel.currentState;
    assert.ok(st?.view === "explain" && st.settings["saturation.eps"] === 0.02 && st.settings["saturation.activation"] === "tanh", JSON.stringify(st));
    api.panel.instance?.dispose();
    const cfg = vscode.workspace.getConfiguration("activationLens");
    await cfg.update("saturationEpsilon", 0.005, vscode.ConfigurationTarget.Global);
    try {
      await open("activationLens.explainSaturation", { useSelection: false });
      const fresh = api.panel.instance?.channel.currentState;
      assert.ok(fresh?.view === "explain" && fresh.settings["saturation.eps"] === 0.005, JSON.stringify(fresh));
    } finally {
      await cfg.update("saturationEpsilon", undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
