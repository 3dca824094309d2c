import assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, EXTENSION_ID } from "../helpers";

describe("Activation Lens activates", () => {
  it("is installed, activates and returns its API", async () => {
    const api = await activateExtension();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    assert.equal(typeof api.panel.show, "function");
  });

  it("registers every command it contributes", async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const contributed: { command: string }[] = ext?.packageJSON.contributes.commands ?? [];
    assert.ok(contributed.length > 0);
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of contributed) {
      assert.ok(all.has(c.command), `command ${c.command} is contributed but not registered`);
    }
  });
});
