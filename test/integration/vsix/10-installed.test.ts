import assert from "node:assert/strict";
import * as vscode from "vscode";
import { hasBrowser, inspectCanvas } from "../browser";
import { activateExtension, EXTENSION_ID, nextRender } from "../helpers";

describe("Activation Lens installed from its .vsix", function () {
  this.timeout(60_000);

  it("is the installed copy, not a development folder", () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, "not installed");
    assert.match(ext.extensionPath, /extensions[\\/]activation-lens\.activation-lens-/);
  });

  it("runs Plot Activation Function from the package", async function () {
    const api = await activateExtension();
    const rendered = nextRender(api, (r) => r.curves.includes("relu"));
    await vscode.commands.executeCommand("activationLens.plotActivation", { ids: ["relu"] });
    assert.deepEqual((await rendered).curves, ["relu"]);
    if (hasBrowser) {
      const c = await inspectCanvas("curve-f", "vsix-relu-curve-f");
      assert.ok(c.found && c.nonBlank > 2000 && c.distinctColors >= 3, JSON.stringify(c));
    }
  });
});
