import { randomBytes } from "node:crypto";
import * as vscode from "vscode";

/** A fresh CSP nonce from a cryptographic source (never Math.random). */
export function makeNonce(): string {
  return randomBytes(18).toString("base64").replace(/[+/=]/g, (c) => ({ "+": "-", "/": "_", "=": "" })[c] ?? "");
}

/** The folders a webview may load from: the built bundles and the static media, nothing else. */
export function webviewResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, "dist", "webview"), vscode.Uri.joinPath(extensionUri, "media")];
}

export interface WebviewPageOptions {
  webview: vscode.Webview;
  extensionUri: vscode.Uri;
  /** Bundle name under dist/webview, e.g. "panel". */
  script: string;
  title: string;
  /** Which surface the page is for (the webview reads it from body[data-surface]). */
  surface: "panel" | "side";
}

/**
 * The HTML of a webview: strict CSP (no remote content, scripts only with the nonce, no inline styles
 * from markup), the bundle and stylesheet from localResourceRoots only.
 */
export function webviewPage({ webview, extensionUri, script, title, surface }: WebviewPageOptions): string {
  const nonce = makeNonce();
  const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "dist", "webview", `${script}.js`));
  const styles = ["webview.css", "heatmap.css", "explain.css"].map((f) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "media", f)));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data: blob:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}' 'wasm-unsafe-eval'`,
  ].join("; ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.map((u) => `<link href="${u.toString()}" rel="stylesheet">`).join("\n")}
<title>${escapeHtml(title)}</title>
</head>
<body data-surface="${surface}">
<main id="app" aria-live="polite"><p class="loading">Loading Activation Lens…</p></main>
<script nonce="${nonce}" src="${scriptUri.toString()}"></script>
</body>
</html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}
