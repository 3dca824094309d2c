// The VS Code web workbench served by code-server: URLs that load a development extension and its tests,
// and a headless Chromium (Debian's, through playwright-core) to open them.
import { chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** The remote authority the workbench uses for files on the server, read from the page's config meta. */
export async function remoteAuthority(baseUrl) {
  const html = await (await fetch(baseUrl)).text();
  const m = html.match(/id="vscode-workbench-web-configuration"\s+data-settings="([^"]*)"/);
  if (!m) {
    throw new Error("the workbench page has no vscode-workbench-web-configuration meta");
  }
  const json = m[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
  const cfg = JSON.parse(json);
  if (!cfg.remoteAuthority) {
    throw new Error("no remoteAuthority in the workbench configuration");
  }
  return cfg.remoteAuthority;
}

/**
 * The workbench URL opening `folder`, with `extensionDevelopmentPath` and (optionally) `extensionTestsPath`
 * passed in the `payload` query parameter, which is how the web workbench takes them.
 */
export function workbenchUrl(baseUrl, authority, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const payload = [];
  if (extensionDevelopmentPath) {
    payload.push(["extensionDevelopmentPath", `vscode-remote://${authority}${extensionDevelopmentPath}`]);
  }
  if (extensionTestsPath) {
    payload.push(["extensionTestsPath", `vscode-remote://${authority}${extensionTestsPath}`]);
  }
  const q = new URLSearchParams();
  if (folder) {
    q.set("folder", folder);
  }
  if (payload.length) {
    q.set("payload", JSON.stringify(payload));
  }
  return `${baseUrl}?${q.toString()}`;
}

/** Debian's chromium, headless, offline, with a fresh profile: every request stays on 127.0.0.1. */
export async function launchBrowser() {
  return await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
      "--disable-extensions",
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ],
  });
}
