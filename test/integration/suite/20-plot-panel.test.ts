import assert from "node:assert/strict";
import * as vscode from "vscode";
import { hasBrowser, inspectCanvas, screenshot } from "../browser";
import { activateExtension, nextEvent } from "../helpers";

describe("Plot Activation Function opens the panel", function () {
  this.timeout(60_000);

  it("opens the panel and the webview reports ReLU and its derivative drawn", async () => {
    const api = await activateExtension();
    const rendered = nextEvent(api.panel.onDidRender, (r) => r.curves.includes("relu"));
    await vscode.commands.executeCommand("activationLens.plotActivation");
    const r = await rendered;
    assert.ok(api.panel.instance, "the panel exists");
    assert.equal(api.panel.instance.panel.viewType, "activationLens.panel");
    assert.deepEqual(r.curves, ["relu"]);
    assert.deepEqual(r.canvases, ["curve-f", "curve-df"]);
    assert.ok(r.points > 400, `expected a sampled curve, got ${r.points} points`);
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
    await screenshot("plot-relu-panel");
  });

  it("running the command again reuses the one panel", async () => {
    const api = await activateExtension();
    const first = api.panel.instance;
    await vscode.commands.executeCommand("activationLens.plotActivation");
    assert.equal(api.panel.instance, first);
  });
});
