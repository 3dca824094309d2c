import assert from "node:assert/strict";
import * as vscode from "vscode";
import { EXTENSION_ID, activateExtension, closeAllEditors, sleep, untitled } from "../helpers";

/** Runs `command` on a selection of `content` and returns the error shown; asserts nothing was opened or changed. */
async function errorFor(content: string, command = "activationLens.heatmapSelection"): Promise<string> {
  const api = await activateExtension();
  api.panel.instance?.dispose();
  const editor = await untitled(content);
  editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(content.length));
  const before = api.lastError();
  await vscode.commands.executeCommand(command);
  const after = api.lastError();
  assert.notEqual(after, before, "an error message was shown");
  assert.equal(api.panel.instance, undefined, "no panel was opened for a bad selection");
  assert.equal(editor.document.getText(), content, "the document is unchanged");
  return after ?? "";
}

describe("Bad selections get a clear message and open nothing", function () {
  this.timeout(60_000);
  before(closeAllEditors);
  after(async () => {
    await vscode.workspace.getConfiguration("activationLens").update("maxSelectionValues", undefined, vscode.ConfigurationTarget.Global);
  });

  it("ragged rows", async () => {
    const msg = await errorFor("[[1, 2, 3], [4, 5]]");
    assert.match(msg, /row 2 has 2 values, row 1 has 3|2 values.*3/);
  });

  it("text that is not numbers", async () => {
    const msg = await errorFor("the quick brown fox");
    assert.match(msg, /Activation Lens: /);
    assert.match(msg, /line 1, column \d+/);
  });

  it("a selection that cuts a tensor in half", async () => {
    const msg = await errorFor("tensor([[ 0.1, 0.2],\n        [ 0.3,");
    assert.match(msg, /cut|not closed|unbalanced/i);
  });

  it("more values than the maxSelectionValues setting", async () => {
    await vscode.workspace.getConfiguration("activationLens").update("maxSelectionValues", 10, vscode.ConfigurationTarget.Global);
    const msg = await errorFor(JSON.stringify(Array.from({ length: 50 }, (_, i) => i)));
    assert.match(msg, /10/);
  });

  it("a list nested deeper than numpy's 32 dimensions", async () => {
    const msg = await errorFor("[".repeat(33) + "1" + "]".repeat(33));
    assert.match(msg, /33 levels deep.*at most 32 dimensions/);
  });

  it("a maxSelectionValues setting above the view's 25,000,000 counts as 25,000,000", async () => {
    await vscode.workspace.getConfiguration("activationLens").update("maxSelectionValues", 1e9, vscode.ConfigurationTarget.Global);
    const api = await activateExtension();
    assert.equal(api.readConfig().maxSelectionValues, 25_000_000);
    await vscode.workspace.getConfiguration("activationLens").update("maxSelectionValues", undefined, vscode.ConfigurationTarget.Global);
  });

  it("a state the view would refuse leaves no empty panel behind", async () => {
    const api = await activateExtension();
    api.panel.instance?.dispose();
    const bad = { view: "curves", curves: [], range: [-1, 1], layout: "stacked" } as never;
    const uri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    assert.throws(() => api.panel.show(uri, bad), /cannot show/);
    assert.equal(api.panel.instance, undefined, "no panel registered");
    await sleep(800); // the tab model follows the workbench asynchronously
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    assert.ok(
      !tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith("activationLens.panel")),
      "no Activation Lens tab is open",
    );
  });

  it("an empty selection", async () => {
    const api = await activateExtension();
    await untitled("[1, 2, 3]");
    await vscode.commands.executeCommand("activationLens.plotSelection");
    assert.match(api.lastError() ?? "", /select/);
  });

  it("Apply to Selection on bad input leaves the document alone", async () => {
    const msg = await errorFor("[[1, 2], [3]]", "activationLens.applyToSelection");
    assert.match(msg, /row/);
  });
});
