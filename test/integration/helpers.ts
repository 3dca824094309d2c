import * as vscode from "vscode";
import type { ActivationLensApi } from "../../src/extension/extension";
import type { RenderedEvent } from "../../src/extension/webviewChannel";

export const EXTENSION_ID = "activation-lens.activation-lens";

export async function activateExtension(): Promise<ActivationLensApi> {
  const ext = vscode.extensions.getExtension<ActivationLensApi>(EXTENSION_ID);
  if (!ext) {
    throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  }
  return await ext.activate();
}

/** Resolves with the first event that satisfies `pred`, or rejects after `ms`. */
export function nextEvent<T>(event: vscode.Event<T>, pred: (e: T) => boolean = () => true, ms = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for an event`));
    }, ms);
    const sub = event((e) => {
      if (pred(e)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(e);
      }
    });
  });
}

/** The next render reported by a webview on `surface` that satisfies `pred`. */
export async function nextRender(
  api: ActivationLensApi,
  pred: (e: RenderedEvent) => boolean,
  surface: "panel" | "side" = "panel",
  ms = 20_000,
): Promise<RenderedEvent> {
  return nextEvent(api.onDidRender, (e) => e.surface === surface && pred(e), ms);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function examplesUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error("the tests need the examples/ folder open as the workspace");
  }
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a file of examples/ in an editor. */
export async function openExample(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(examplesUri(name));
  return await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** Selects the text from the first `from` (at or after `after`) through the end of the next `to`. */
export function selectBetween(editor: vscode.TextEditor, from: string, to: string, after = 0): string {
  const text = editor.document.getText();
  const a = text.indexOf(from, after);
  if (a < 0) {
    throw new Error(`"${from}" not found`);
  }
  const b = text.indexOf(to, a + from.length);
  if (b < 0) {
    throw new Error(`"${to}" not found after "${from}"`);
  }
  const start = editor.document.positionAt(a);
  const end = editor.document.positionAt(b + to.length);
  editor.selection = new vscode.Selection(start, end);
  return text.slice(a, b + to.length);
}

/** A new untitled document with `content`, shown in an editor. */
export async function untitled(content: string, language = "plaintext"): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ content, language });
  return await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}
