/**
 * The test side of the browser bridge. The code-server launcher (scripts/test-host.mjs) drives the
 * workbench page with playwright and serves a small HTTP bridge on 127.0.0.1, whose address reaches
 * the extension host as AL_BROWSER_BRIDGE. Through it a test asks the browser about what a user sees:
 * pixels of a webview canvas, screenshots. Under @vscode/test-electron there is no bridge: `hasBrowser`
 * is false and the browser-side checks are skipped (reported as pending), the rest still runs.
 */
import * as vscode from "vscode";

export const bridgeUrl = process.env.AL_BROWSER_BRIDGE;
export const hasBrowser = Boolean(bridgeUrl);

export interface CanvasInspection {
  found: boolean;
  width: number;
  height: number;
  /** Pixels with alpha > 0. */
  nonBlank: number;
  /** Distinct colours among them (quantised to 4 bits per channel). */
  distinctColors: number;
  screenshot?: string;
}

async function call<T>(action: string, body: Record<string, unknown>): Promise<T> {
  if (!bridgeUrl) {
    throw new Error("no browser bridge (AL_BROWSER_BRIDGE is not set)");
  }
  const r = await fetch(`${bridgeUrl}/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  if (!r.ok) {
    throw new Error(`browser bridge ${action} failed: ${r.status} ${text}`);
  }
  return JSON.parse(text) as T;
}

/** Finds the canvas `[data-testid=testId]` in any webview frame and measures its pixels; saves a screenshot. */
export function inspectCanvas(testId: string, name: string): Promise<CanvasInspection> {
  return call("inspect", { testId, name });
}

/** Saves a screenshot of the whole workbench page under test-results/screenshots/<name>.png (toasts cleared first). */
export async function screenshot(name: string): Promise<{ path: string }> {
  await vscode.commands.executeCommand("notifications.clearAll");
  await new Promise((r) => setTimeout(r, 150));
  return call("screenshot", { name });
}

/** Text content of the element `[data-testid=testId]` in a webview frame. */
export function webviewText(testId: string): Promise<{ found: boolean; text: string }> {
  return call("text", { testId });
}

/** Sets an input/select `[data-testid=testId]` in a webview to `value` and fires `event` (default "change"). */
export function setWebviewInput(testId: string, value: string | number, event?: "input" | "change"): Promise<{ found: boolean }> {
  return call("setInput", { testId, value, event });
}

/**
 * Focuses the control `[data-testid=testId]` in a webview, presses `keys` one after another (playwright key
 * names, e.g. "ArrowRight"), and reports the control's value then and which control has the focus.
 */
export function pressWebviewKeys(
  testId: string,
  keys: readonly string[],
): Promise<{ found: boolean; value: string; step: string; focused: string | null }> {
  return call("pressKeys", { testId, keys });
}

/** The images inside the editor hover widget, and whether each decoded. */
export function hoverImages(): Promise<{ src: string; naturalWidth: number; naturalHeight: number }[]> {
  return call("hoverImages", {});
}
