#!/usr/bin/env node
// Runs the integration suites in a real VS Code 1.100 extension host (code-server) with Debian's chromium
// driven by playwright-core, in two phases:
//   1. "dev":  the extension from this folder (extensionDevelopmentPath), suites of test/integration/suite
//   2. "vsix": the packaged .vsix installed with --install-extension, suites of test/integration/vsix
//   3. "palette": no test code in the host; the browser drives the UI as a user of `npm start` would:
//      F1, "Activation Lens: Plot Activation Function", Enter, and the curve must appear
// Prints mocha's results, saves screenshots under test-results/screenshots, exits non-zero on any failure.
// Options: --phase dev|vsix (default both), --grep PATTERN, --keep (leave run folders).
import fs from "node:fs";
import http from "node:http";
import { format } from "node:util";
import path from "node:path";
import { ensureCodeServer, freePort, missingSystemPackages, ROOT, startCodeServer } from "./lib/code-server.mjs";
import { launchBrowser, remoteAuthority, workbenchUrl } from "./lib/workbench.mjs";

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const phases = opt("--phase") ? [opt("--phase")] : ["dev", "vsix", "palette"];
const RESULTS = path.join(ROOT, "test-results");
const SHOTS = path.join(RESULTS, "screenshots");
const PHASE_TIMEOUT_MS = 6 * 60_000;

function fail(msg) {
  console.error(`\n[test-host] ${msg}`);
  process.exit(2);
}

const problems = missingSystemPackages();
if (problems.length) {
  fail(`the machine lacks what the VS Code test host needs:\n  - ${problems.join("\n  - ")}\n(see README: System packages)`);
}
for (const f of ["dist/extension.js", "dist/webview/panel.js", "out/test/integration/index.js"]) {
  if (!fs.existsSync(path.join(ROOT, f))) {
    fail(`${f} is missing: run \`npm run build\` first.`);
  }
}
ensureCodeServer();
fs.mkdirSync(SHOTS, { recursive: true });

/** The page currently under test (the bridge acts on it). */
let page;

/** Finds the frame holding `[data-testid=testId]`, waiting for it up to `ms`. */
async function frameWith(testId, ms = 15_000) {
  const sel = `[data-testid="${testId}"]`;
  const deadline = Date.now() + ms;
  for (;;) {
    for (const f of page.frames()) {
      try {
        if (await f.$(sel)) {
          return { frame: f, sel };
        }
      } catch {
        /* frame detached while looking */
      }
    }
    if (Date.now() > deadline) {
      return undefined;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

const safeName = (s) => String(s).replace(/[^a-zA-Z0-9._-]+/g, "_").slice(0, 80);

const bridgeActions = {
  async inspect({ testId, name }) {
    const hit = await frameWith(testId);
    if (!hit) {
      return { found: false, width: 0, height: 0, nonBlank: 0, distinctColors: 0 };
    }
    // Let a pending animation frame land before reading pixels.
    await hit.frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const stats = await hit.frame.$eval(hit.sel, (el) => {
      const c = /** @type {HTMLCanvasElement} */ (el);
      const ctx = c.getContext("2d");
      if (!ctx || c.width === 0 || c.height === 0) {
        return { width: c.width, height: c.height, nonBlank: 0, distinctColors: 0 };
      }
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let nonBlank = 0;
      const colours = new Set();
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] > 0) {
          nonBlank++;
          colours.add(((d[i] >> 4) << 12) | ((d[i + 1] >> 4) << 8) | ((d[i + 2] >> 4) << 4) | (d[i + 3] >> 4));
        }
      }
      return { width: c.width, height: c.height, nonBlank, distinctColors: colours.size };
    });
    const file = path.join(SHOTS, `${safeName(name ?? testId)}.png`);
    try {
      await (await hit.frame.$(hit.sel)).screenshot({ path: file });
    } catch (e) {
      console.warn(`[test-host] element screenshot failed: ${e.message}`);
    }
    return { found: true, ...stats, screenshot: path.relative(ROOT, file) };
  },
  async screenshot({ name }) {
    const file = path.join(SHOTS, `${safeName(name)}.png`);
    await page.screenshot({ path: file });
    return { path: path.relative(ROOT, file) };
  },
  async text({ testId }) {
    const hit = await frameWith(testId, 10_000);
    if (!hit) {
      return { found: false, text: "" };
    }
    return { found: true, text: await hit.frame.$eval(hit.sel, (el) => el.textContent ?? "") };
  },
  async setInput({ testId, value, event }) {
    // Sets a control in a webview as a user would (focus, type/select), then fires its event.
    const hit = await frameWith(testId, 10_000);
    if (!hit) {
      return { found: false };
    }
    const el = await hit.frame.$(hit.sel);
    const tag = await el.evaluate((e) => e.tagName.toLowerCase());
    if (tag === "select") {
      await el.selectOption(String(value));
    } else {
      await el.evaluate((e, v) => {
        e.value = String(v);
      }, value);
      await el.evaluate((e, ev) => e.dispatchEvent(new Event(ev, { bubbles: true })), event ?? "change");
    }
    return { found: true };
  },
  async pressKeys({ testId, keys, delayMs }) {
    // Focuses a webview control once, then presses keys on the keyboard as a user would (each goes to whatever
    // has the focus then); reports the control's value afterwards and which control has the focus.
    const hit = await frameWith(testId, 10_000);
    if (!hit) {
      return { found: false, value: "", step: "", focused: null, changes: 0 };
    }
    await (await hit.frame.$(hit.sel)).focus();
    for (const key of keys) {
      await page.keyboard.press(key);
      await new Promise((r) => setTimeout(r, delayMs ?? 60));
    }
    return await hit.frame.$eval(hit.sel, (el) => ({
      found: true,
      value: el.value,
      step: el.getAttribute("step") ?? "",
      focused: el.ownerDocument.activeElement?.getAttribute("data-testid") ?? null,
    }));
  },
  async mainText({ selector }) {
    const el = await page.waitForSelector(selector, { timeout: 10_000 }).catch(() => null);
    return el ? { found: true, text: (await el.textContent()) ?? "" } : { found: false, text: "" };
  },
  async hoverImages() {
    // Images inside the editor hover widget: how many, and whether each decoded (naturalWidth > 0).
    await page.waitForSelector(".monaco-hover img", { timeout: 10_000 }).catch(() => null);
    return await page.$$eval(".monaco-hover img", (imgs) =>
      imgs.map((i) => ({ src: i.getAttribute("src")?.slice(0, 40) ?? "", naturalWidth: i.naturalWidth, naturalHeight: i.naturalHeight })),
    );
  },
};

function startBridge() {
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      const action = (req.url ?? "").replace(/^\//, "");
      const fn = bridgeActions[action];
      if (req.method !== "POST" || !fn) {
        res.writeHead(404).end(`unknown bridge action ${action}`);
        return;
      }
      try {
        const out = await fn(body ? JSON.parse(body) : {});
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(out));
      } catch (e) {
        res.writeHead(500).end(String(e?.stack ?? e));
      }
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Drives the command palette in the page; returns 0 when the command is listed and draws the curve. */
async function palettePhase() {
  page.on("console", (m) => {
    if (m.type() === "error" && !/vsda|favicon|sandbox|status of 404/i.test(m.text())) {
      console.log(`[test-host] palette: page error: ${m.text().slice(0, 300)}`);
    }
  });
  await page.waitForSelector(".monaco-workbench .part.editor", { timeout: 60_000 });
  await page.waitForTimeout(4000);
  const title = "Activation Lens: Plot Activation Function";
  let listed = false;
  for (let attempt = 1; attempt <= 5 && !listed; attempt++) {
    await page.keyboard.press("Escape");
    await page.keyboard.press("F1");
    await page.waitForSelector(".quick-input-widget input", { state: "visible", timeout: 10_000 });
    await page.keyboard.type("Plot Activation Function");
    listed = await page
      .waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`, { timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (!listed) {
      const rows = await page.$$eval(".quick-input-list .monaco-list-row", (rs) => rs.map((r) => r.getAttribute("aria-label")));
      const value = await page.$eval(".quick-input-widget input", (i) => i.value).catch(() => "?");
      console.log(`[test-host] palette: input ${JSON.stringify(value)} rows ${JSON.stringify(rows.slice(0, 5))}`);
      console.log(`[test-host] palette: "${title}" not listed yet (attempt ${attempt}), retrying`);
      await page.waitForTimeout(1500);
    }
  }
  if (!listed) {
    console.error(`[test-host] palette: "${title}" never appeared in the command palette`);
    await page.screenshot({ path: path.join(SHOTS, "palette-missing.png") });
    return 1;
  }
  await page.screenshot({ path: path.join(SHOTS, "palette-listed.png") });
  await page.keyboard.press("Enter");
  // The command asks which activations to plot (multi-select, ReLU preselected): accept.
  const picker = await page
    .waitForSelector('.quick-input-widget .quick-input-list .monaco-list-row[aria-label*="relu"]', { timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  if (!picker) {
    console.error("[test-host] palette: the activation picker did not open");
    await page.screenshot({ path: path.join(SHOTS, "palette-no-picker.png") });
    return 1;
  }
  await page.screenshot({ path: path.join(SHOTS, "palette-picker.png") });
  await page.keyboard.press("Enter");
  const c = await bridgeActions.inspect({ testId: "curve-f", name: "palette-relu-curve-f" });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, "palette-relu-panel.png") });
  const ok = c.found && c.nonBlank > 2000 && c.distinctColors >= 3;
  console.log(`[test-host] palette: command listed; curve ${ok ? "drawn" : "NOT drawn"} ${JSON.stringify(c)}`);
  console.log(`  ${ok ? 2 : 1} passing`);
  if (!ok) {
    console.log("  1 failing");
  }
  return ok ? 0 : 1;
}

async function runPhase(phase, bridgePort) {
  const t0 = Date.now();
  const runDir = path.join(ROOT, ".vscode-test", "runs", `${phase}-${process.pid}`);
  fs.rmSync(runDir, { recursive: true, force: true });
  let vsix;
  if (phase === "vsix") {
    vsix = path.join(ROOT, "activation-lens.vsix");
    if (!fs.existsSync(vsix)) {
      fail("activation-lens.vsix is missing: run `npm run package` first.");
    }
  }
  process.env.AL_BROWSER_BRIDGE = `http://127.0.0.1:${bridgePort}`;
  if (process.env.AL_TEST_GREP === undefined && opt("--grep")) {
    process.env.AL_TEST_GREP = opt("--grep");
  }
  const server = await startCodeServer({ runDir, port: await freePort(), installVsix: vsix });
  let browser;
  let code;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction("codeAutomationExit", (c) => resolveExit(Number(c)));
    await page.exposeFunction("codeAutomationLog", (type, logArgs) => {
      // The host forwards console.* arguments unformatted (mocha logs printf-style: "%s%d").
      const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      if (/vsda|socket was left hanging|sandbox/i.test(text)) {
        return;
      }
      (type === "error" ? console.error : console.log)(text);
    });
    const authority = await remoteAuthority(server.url);
    const url = workbenchUrl(server.url, authority, {
      folder: path.join(ROOT, "examples"),
      extensionDevelopmentPath: phase === "vsix" ? path.join(ROOT, "test", "integration", "vsix-harness") : ROOT,
      extensionTestsPath:
        phase === "palette" ? undefined : path.join(ROOT, "out", "test", "integration", phase === "dev" ? "index.js" : "vsix-index.js"),
    });
    console.log(`[test-host] ${phase}: VS Code 1.100 (code-server) at ${server.url}, running suites…`);
    await page.goto(url);
    const timeout = new Promise((r) => setTimeout(() => r("timeout"), PHASE_TIMEOUT_MS));
    const result = await Promise.race([phase === "palette" ? palettePhase() : exited, timeout]);
    if (result === "timeout") {
      console.error(`[test-host] ${phase}: no result after ${PHASE_TIMEOUT_MS / 1000} s`);
      code = 1;
    } else {
      code = result;
    }
    await page.screenshot({ path: path.join(SHOTS, `${phase}-final.png`) }).catch(() => {});
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    if (!args.includes("--keep")) {
      try {
        fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
      } catch (e) {
        console.warn(`[test-host] could not remove ${runDir}: ${e.message}`);
      }
    }
  }
  console.log(`[test-host] ${phase}: ${code === 0 ? "passed" : "FAILED"} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return code;
}

const bridge = await startBridge();
let failed = false;
for (const phase of phases) {
  const code = await runPhase(phase, bridge.address().port);
  failed ||= code !== 0;
}
bridge.close();
console.log(`[test-host] screenshots in ${path.relative(ROOT, SHOTS)}/`);
process.exit(failed ? 1 : 0);
