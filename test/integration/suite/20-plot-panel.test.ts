import assert from "node:assert/strict";
import * as vscode from "vscode";
import { hasBrowser, inspectCanvas, pressWebviewKeys, screenshot, setWebviewInput, webviewText } from "../browser";
import { activateExtension, closeAllEditors, nextRender } from "../helpers";

describe("Plot Activation Function", function () {
  this.timeout(60_000);
  before(closeAllEditors);

  it("opens the panel with ReLU and its derivative (args form of the command)", async () => {
    const api = await activateExtension();
    const rendered = nextRender(api, (r) => r.curves.join() === "relu");
    await vscode.commands.executeCommand("activationLens.plotActivation", { ids: ["relu"] });
    const r = await rendered;
    assert.ok(api.panel.instance, "the panel exists");
    assert.equal(api.panel.instance.panel.viewType, "activationLens.panel");
    assert.deepEqual(r.canvases, ["curve-f", "curve-df"]);
    assert.ok(r.points > 400, `expected a sampled curve, got ${r.points} points`);
    assert.equal(r.summary.kinks0, "0", "ReLU's kink is at 0");
  });

  it("the browser sees the curve canvases drawn (non-blank, several colours)", async function () {
    if (!hasBrowser) {
      this.skip();
    }
    for (const id of ["curve-f", "curve-df"]) {
      const c = await inspectCanvas(id, `plot-relu-${id}`);
      assert.ok(c.found, `${id} not found in any webview frame`);
      assert.ok(c.width > 100 && c.height > 100, `${id} is ${c.width}×${c.height}`);
      assert.ok(c.nonBlank > 2000, `${id} has only ${c.nonBlank} drawn pixels`);
      assert.ok(c.distinctColors >= 3, `${id} has only ${c.distinctColors} colours`);
    }
    const text = await webviewText("curves-summary");
    assert.match(text.text, /ReLU/);
    assert.match(text.text, /Kinks at x = 0 \(f′ there 0, as torch\)/);
  });

  it("compares three activations with their parameters", async () => {
    const api = await activateExtension();
    const first = api.panel.instance;
    const rendered = nextRender(api, (r) => r.curves.length === 3);
    await vscode.commands.executeCommand("activationLens.plotActivation", {
      ids: ["leaky_relu", "elu", "gelu"],
      params: { leaky_relu: { negative_slope: 0.3 }, gelu: { approximate: "tanh" } },
    });
    const r = await rendered;
    assert.equal(api.panel.instance, first, "the one panel is reused");
    assert.deepEqual(r.curves, ["leaky_relu", "elu", "gelu"]);
    assert.deepEqual(r.params, [{ negative_slope: 0.3 }, {}, { approximate: "tanh" }]);
  });

  it("parameter controls are live: the slider's number box redraws with the new value", async function () {
    if (!hasBrowser) {
      this.skip();
    }
    const api = await activateExtension();
    const rendered = nextRender(api, (r) => r.curves[0] === "leaky_relu" && r.params[0].negative_slope === 0.05);
    const set = await setWebviewInput("param-0-negative_slope", 0.05, "change");
    assert.ok(set.found, "the negative_slope control exists");
    const r = await rendered;
    assert.deepEqual(r.curves, ["leaky_relu", "elu", "gelu"]);
    assert.equal(api.panel.instance?.channel.currentState?.view, "curves");
    const st = api.panel.instance?.channel.currentState;
    assert.ok(st?.view === "curves" && st.curves[0].params.negative_slope === 0.05, "the host got the new state");
    await inspectCanvas("curve-f", "compare-three-curve-f");
    await inspectCanvas("curve-df", "compare-three-curve-df");
    await screenshot("compare-three-panel");
  });

  it("a parameter slider keeps the focus and takes every step of the arrow keys (the drag is not cut short)", async function () {
    if (!hasBrowser) {
      this.skip();
    }
    const api = await activateExtension();
    const before = api.panel.instance?.channel.currentState;
    assert.ok(before?.view === "curves" && before.curves[0].id === "leaky_relu");
    const start = Number(before.curves[0].params.negative_slope);
    const settled = nextRender(api, (r) => r.curves[0] === "leaky_relu" && r.params[0].negative_slope !== start);
    const r = await pressWebviewKeys("param-0-negative_slope-slider", Array(5).fill("ArrowRight"));
    assert.ok(r.found, "the negative_slope slider exists");
    await settled;
    assert.equal(r.focused, "param-0-negative_slope-slider", "the slider still has the focus after five key presses");
    const step = Number(r.step);
    assert.ok(Math.abs(Number(r.value) - (start + 5 * step)) < step / 2, `slider at ${r.value}: five steps of ${step} from ${start}`);
    await new Promise((res) => setTimeout(res, 300)); // the last stateChanged reaches the host
    const after = api.panel.instance?.channel.currentState;
    assert.ok(after?.view === "curves");
    assert.ok(Math.abs(Number(after.curves[0].params.negative_slope) - (start + 5 * step)) < step / 2, "the host has all five steps");
  });

  it("a dialect choice starts the parameters from that framework's defaults (Keras 3 LeakyReLU: 0.3)", async function () {
    if (!hasBrowser) {
      this.skip();
    }
    const api = await activateExtension();
    const rendered = nextRender(api, (r) => r.curves[0] === "leaky_relu" && r.params[0].negative_slope === 0.3);
    assert.ok((await setWebviewInput("dialect", "keras3")).found);
    const r = await rendered;
    assert.equal(r.params[1].alpha, 1, "Keras' ELU alpha is 1 too");
  });

  it("follows a light theme (VS Code's CSS variables)", async function () {
    if (!hasBrowser) {
      this.skip();
    }
    const api = await activateExtension();
    const cfg = vscode.workspace.getConfiguration("workbench");
    const previous = cfg.inspect<string>("colorTheme")?.globalValue;
    const redrawn = nextRender(api, () => true);
    await cfg.update("colorTheme", "Default Light Modern", vscode.ConfigurationTarget.Global);
    try {
      await redrawn;
      const c = await inspectCanvas("curve-f", "light-theme-curve-f");
      assert.ok(c.found && c.nonBlank > 2000 && c.distinctColors >= 3);
      await screenshot("light-theme-panel");
    } finally {
      const back = nextRender(api, () => true);
      await cfg.update("colorTheme", previous, vscode.ConfigurationTarget.Global);
      await back; // the panel has redrawn in the restored theme before the next test looks at it
    }
  });

  it("rejects unknown activations and bad parameters with a clear message", async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand("activationLens.plotActivation", { ids: ["not_an_activation"] });
    assert.match(api.lastError() ?? "", /not_an_activation/);
    await vscode.commands.executeCommand("activationLens.plotActivation", { ids: ["hardtanh"], params: { hardtanh: { min_val: 2, max_val: 1 } } });
    assert.match(api.lastError() ?? "", /min_val/);
  });
});
