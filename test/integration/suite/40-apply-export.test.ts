import assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, closeAllEditors, nextRender, untitled } from "../helpers";

describe("Apply Activation to Selection and Export", function () {
  this.timeout(60_000);
  before(closeAllEditors);

  it("replaces the selection in its own format with one undoable edit", async () => {
    const editor = await untitled("x = [-2.0, -0.5, 0.0, 1.5, 3.0]\n");
    const doc = editor.document;
    const start = doc.getText().indexOf("[");
    const end = doc.getText().indexOf("]") + 1;
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(end));
    const result = (await vscode.commands.executeCommand("activationLens.applyToSelection", { activation: "relu", mode: "replace" })) as
      | { text: string }
      | undefined;
    assert.ok(result, "the command returned its result");
    const after = doc.getText();
    assert.ok(after.startsWith("x = ["), after);
    const values = JSON.parse(after.slice(4).trim()) as number[];
    assert.deepEqual(values, [0, 0, 0, 1.5, 3]);
    await vscode.commands.executeCommand("undo");
    assert.equal(doc.getText(), "x = [-2.0, -0.5, 0.0, 1.5, 3.0]\n", "one undo restores the document");
  });

  it("keeps the indentation and the line break of selected whole lines, and aligns continuation lines", async () => {
    const content = "x = 1\n    tensor([[-1.,  2.],\n            [ 3., -4.]])\ny = 2\n";
    const editor = await untitled(content, "python");
    const doc = editor.document;
    editor.selection = new vscode.Selection(new vscode.Position(1, 0), new vscode.Position(3, 0)); // lines 2–3, Shift+Down style
    await vscode.commands.executeCommand("activationLens.applyToSelection", { activation: "relu", mode: "replace" });
    const lines = doc.getText().split("\n");
    assert.equal(lines[0], "x = 1");
    assert.match(lines[1], /^ {4}tensor\(\[\[0\., +2\.\],$/, lines[1]);
    assert.match(lines[2], /^ {12}\[3\., +0\.\]\]\)$/, lines[2]);
    assert.equal(lines[3], "y = 2", "the next line stays on its own");
    await vscode.commands.executeCommand("undo");
    assert.equal(doc.getText(), content);
  });

  it("computes a float32 print in float32 and writes it as numpy prints float32", async () => {
    const content = "array([[1.5, 2. ],\n       [3. , 4. ]], dtype=float32)";
    const editor = await untitled(content);
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(content.length));
    const result = (await vscode.commands.executeCommand("activationLens.applyToSelection", { activation: "sigmoid", mode: "copy" })) as
      | { text: string }
      | undefined;
    assert.ok(result);
    assert.match(result.text, /dtype=float32\)$/);
    assert.match(result.text, /0\.880797\d?\b/, result.text);
    assert.doesNotMatch(result.text, /0\.88079707\d{5,}/, "no float64 digits under dtype=float32");
  });

  it("copies instead, leaving the document unchanged", async () => {
    const content = "[[-1.0, 2.0], [3.0, -4.0]]";
    const editor = await untitled(content);
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(content.length));
    await vscode.commands.executeCommand("activationLens.applyToSelection", { activation: "leaky_relu", params: { negative_slope: 0.5 }, mode: "copy" });
    assert.equal(editor.document.getText(), content);
    const copied = await vscode.env.clipboard.readText();
    assert.deepEqual(JSON.parse(copied), [
      [-0.5, 2],
      [3, -2],
    ]);
  });

  it("exports the panel's picture as PNG and its data as CSV", async () => {
    const api = await activateExtension();
    const rendered = nextRender(api, (r) => r.curves.join() === "sigmoid,tanh");
    await vscode.commands.executeCommand("activationLens.plotActivation", { ids: ["sigmoid", "tanh"] });
    await rendered;
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const target = vscode.Uri.joinPath(folder, ".export-test", "curves.png");
    const out = (await vscode.commands.executeCommand("activationLens.exportView", { uri: target.toString() })) as
      | { png: vscode.Uri; csv: vscode.Uri }
      | undefined;
    assert.ok(out, `export returned nothing: ${api.lastError()}`);
    const png = await vscode.workspace.fs.readFile(out.png);
    assert.deepEqual(Array.from(png.slice(0, 8)), [137, 80, 78, 71, 13, 10, 26, 10], "a PNG signature");
    assert.ok(png.length > 5000, `PNG of ${png.length} bytes`);
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(out.csv));
    assert.match(csv.split("\n")[0], /^x,sigmoid,sigmoid_prime,tanh,tanh_prime$/);
    const row = csv.split("\n")[1].split(",").map(Number);
    assert.equal(row[0], -7);
    assert.ok(Math.abs(row[1] - 1 / (1 + Math.exp(7))) < 1e-15);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, ".export-test"), { recursive: true });
  });

  it("exports a panel that is hidden behind another editor (its webview reloads first)", async () => {
    const api = await activateExtension();
    const rendered = nextRender(api, (r) => r.curves.join() === "relu6");
    await vscode.commands.executeCommand("activationLens.plotActivation", { ids: ["relu6"] });
    await rendered;
    const panel = api.panel.instance!.panel;
    const doc = await vscode.workspace.openTextDocument({ content: "hiding the panel" });
    await vscode.window.showTextDocument(doc, { viewColumn: panel.viewColumn, preview: false });
    assert.equal(panel.visible, false, "the panel is hidden");
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const target = vscode.Uri.joinPath(folder, ".export-test-hidden", "relu6.png");
    const started = Date.now();
    const out = (await vscode.commands.executeCommand("activationLens.exportView", { uri: target.toString() })) as
      | { png: vscode.Uri; csv: vscode.Uri }
      | undefined;
    assert.ok(out, `export returned nothing: ${api.lastError()}`);
    assert.ok(Date.now() - started < 10_000, "no time-out on the way");
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(out.csv));
    assert.match(csv.split("\n")[0], /^x,relu6,relu6_prime$/);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, ".export-test-hidden"), { recursive: true });
  });
});
