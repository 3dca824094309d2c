import assert from "node:assert/strict";
import * as vscode from "vscode";
import { hasBrowser, inspectCanvas, screenshot } from "../browser";
import { activateExtension, closeAllEditors, nextRender, openExample, selectBetween, untitled } from "../helpers";

describe("Plot Selected Values on Activation Curve", function () {
  this.timeout(60_000);
  before(closeAllEditors);

  it("marks each value of the selected 1-D tensor on f and f′ of the chosen activation", async () => {
    const api = await activateExtension();
    const editor = await openExample("tensors.txt");
    selectBetween(editor, "tensor([-3.0000", "3.0000])");
    const rendered = nextRender(api, (r) => r.summary.markers === 9);
    await vscode.commands.executeCommand("activationLens.plotSelection", { activation: "gelu", params: { approximate: "tanh" } });
    const r = await rendered;
    assert.deepEqual(r.curves, ["gelu"]);
    assert.deepEqual(r.params, [{ approximate: "tanh" }]);
    const st = api.panel.instance?.channel.currentState;
    assert.ok(st?.view === "curves" && st.markers, "the state carries the markers");
    assert.deepEqual(st.markers.values, [-3, -2.25, -1.5, -0.75, 0, 0.75, 1.5, 2.25, 3]);
    assert.match(st.markers.label, /tensors\.txt:\d+–\d+ \(9 values\)/);
    if (hasBrowser) {
      const c = await inspectCanvas("curve-df", "plot-selection-curve-df");
      assert.ok(c.found && c.nonBlank > 2000 && c.distinctColors >= 3);
      await screenshot("plot-selection-panel");
    }
  });

  it("draws the finite values of a selection with nan and inf, and says how many were left out", async () => {
    const api = await activateExtension();
    const content = "[1.0, nan, -2.0, inf, 0.5]";
    const editor = await untitled(content);
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(content.length));
    const rendered = nextRender(api, (r) => r.summary.markers === 3);
    await vscode.commands.executeCommand("activationLens.plotSelection");
    await rendered;
    const st = api.panel.instance?.channel.currentState;
    assert.ok(st?.view === "curves" && st.markers);
    assert.deepEqual(st.markers.values, [1, -2, 0.5]);
    assert.match(st.markers.label, /2 non-finite not drawn/);
  });
});
