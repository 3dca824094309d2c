import assert from "node:assert/strict";
import * as vscode from "vscode";
import { hasBrowser, hoverImages, screenshot } from "../browser";
import { activateExtension, closeAllEditors, openExample, sleep, untitled } from "../helpers";

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === "string" ? c : "value" in c ? c.value : ""))
    .join("\n");
}

describe("Hovers over activation calls", function () {
  this.timeout(60_000);
  before(closeAllEditors);

  it("nn.LeakyReLU(0.2): name, parameter from the code, formulas, gain, a curve image and command links", async () => {
    await activateExtension();
    const editor = await openExample("model.py");
    const at = editor.document.positionAt(editor.document.getText().indexOf("nn.LeakyReLU(0.2)") + 6);
    const hovers = (await vscode.commands.executeCommand("vscode.executeHoverProvider", editor.document.uri, at)) as vscode.Hover[];
    const text = hoverText(hovers);
    assert.match(text, /Leaky ReLU/);
    assert.match(text, /`negative_slope` \| `0\.2` \| from the code/);
    assert.match(text, /!\[.*\]\(data:image\/svg\+xml;base64,/);
    assert.match(text, /init gain/);
    assert.match(text, /command:activationLens\.plotActivation/);
  });

  it("F.gelu in Classifier.forward uses torch's default approximate='none'", async () => {
    const editor = vscode.window.activeTextEditor!;
    const at = editor.document.positionAt(editor.document.getText().indexOf("F.gelu(") + 3);
    const hovers = (await vscode.commands.executeCommand("vscode.executeHoverProvider", editor.document.uri, at)) as vscode.Hover[];
    const text = hoverText(hovers);
    assert.match(text, /GELU/);
    assert.match(text, /`approximate` \| `none` \| torch default/);
  });

  it("no hover on a name that is not an activation", async () => {
    const editor = vscode.window.activeTextEditor!;
    const at = editor.document.positionAt(editor.document.getText().indexOf("nn.Linear(") + 4);
    const hovers = (await vscode.commands.executeCommand("vscode.executeHoverProvider", editor.document.uri, at)) as vscode.Hover[];
    assert.doesNotMatch(hoverText(hovers), /Activation|ReLU|init gain/);
  });

  it("in JavaScript: tf.leakyRelu(x, 0.2) reads as TF.js with the slope from the code", async () => {
    const editor = await untitled("import * as tf from '@tensorflow/tfjs';\nconst y = tf.leakyRelu(x, 0.2);\n", "javascript");
    const at = editor.document.positionAt(editor.document.getText().indexOf("leakyRelu") + 3);
    const hovers = (await vscode.commands.executeCommand("vscode.executeHoverProvider", editor.document.uri, at)) as vscode.Hover[];
    const text = hoverText(hovers);
    assert.match(text, /Leaky ReLU.*tfjs/);
    assert.match(text, /`negative_slope` \| `0\.2` \| from the code/);
  });

  it("a call still being typed shows its parameter as unread, not as the framework's default", async () => {
    const editor = await untitled("import torch.nn as nn\nact = nn.LeakyReLU(0.1", "python");
    const at = editor.document.positionAt(editor.document.getText().indexOf("LeakyReLU") + 3);
    const hovers = (await vscode.commands.executeCommand("vscode.executeHoverProvider", editor.document.uri, at)) as vscode.Hover[];
    const text = hoverText(hovers);
    assert.match(text, /`negative_slope` \| `0\.01` \| not read from the code/);
    assert.doesNotMatch(text, /torch default/);
  });

  it("over an all-NaN selection: says so instead of an empty range", async () => {
    const content = "[nan, nan]";
    const editor = await untitled(content);
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(content.length));
    const hovers = (await vscode.commands.executeCommand("vscode.executeHoverProvider", editor.document.uri, editor.document.positionAt(3))) as vscode.Hover[];
    const text = hoverText(hovers);
    assert.match(text, /all values are NaN/);
    assert.doesNotMatch(text, /∞/);
  });

  it("over a numeric selection: its shape and what the default activation (ReLU) does to it", async () => {
    const content = "[[-1.0, 2.0, -3.0], [4.0, -5.0, 6.0]]";
    const editor = await untitled(content);
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(content.length));
    const hovers = (await vscode.commands.executeCommand("vscode.executeHoverProvider", editor.document.uri, editor.document.positionAt(5))) as vscode.Hover[];
    const text = hoverText(hovers);
    assert.match(text, /2 × 3/);
    assert.match(text, /50(\.0)?% zeros/);
    assert.match(text, /command:activationLens\.heatmapSelection/);
    await openExample("model.py");
  });

  it("the hover's curve image renders in the real workbench", async function () {
    if (!hasBrowser) {
      this.skip();
    }
    const editor = vscode.window.activeTextEditor!;
    const pos = editor.document.positionAt(editor.document.getText().indexOf("nn.LeakyReLU(0.2)") + 6);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    await sleep(300);
    await vscode.commands.executeCommand("editor.action.showHover");
    await sleep(800);
    const imgs = await hoverImages();
    assert.ok(imgs.length >= 1, "the hover shows an image");
    assert.ok(imgs[0].naturalWidth > 100, `the image decoded: ${JSON.stringify(imgs[0])}`);
    await screenshot("hover-leaky-relu");
  });
});
