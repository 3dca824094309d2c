// Installs and starts a real VS Code (code-server 4.100.3 = VS Code 1.100.3) without any download
// other than the npm registry. Facts behind each step: the notes on a real VS Code host (see ARCHITECTURE.md).
// Every step is idempotent and skipped when done, so a second run takes seconds.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CODE_SERVER_VERSION = "4.100.3";
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CACHE = path.join(ROOT, ".vscode-test");
export const HOST_DIR = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
const CS = path.join(HOST_DIR, "node_modules", "code-server");
const VSCODE = path.join(CS, "lib", "vscode");
const DONE_MARK = path.join(HOST_DIR, ".install-complete");

function log(msg) {
  console.log(`[vscode-host] ${msg}`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", ...opts });
  if (r.status !== 0) {
    const out = `${r.stdout ?? ""}\n${r.stderr ?? ""}`.trim().split("\n").slice(-30).join("\n");
    throw new Error(`command failed (${r.status}): ${cmd} ${args.join(" ")}\n${out}`);
  }
  return r.stdout;
}

/** What the machine must provide (apt). Returns a list of human-readable problems. */
export function missingSystemPackages({ needBrowser = true } = {}) {
  const problems = [];
  const major = Number(process.versions.node.split(".")[0]);
  if (major !== 20) {
    problems.push(`Node ${process.versions.node}: code-server ${CODE_SERVER_VERSION} needs Node 20.`);
  }
  const has = (p) => fs.existsSync(p);
  if (needBrowser && !has("/usr/bin/chromium")) {
    problems.push("chromium is missing: apt-get install chromium");
  }
  if (!has("/usr/bin/rg")) {
    problems.push("ripgrep is missing: apt-get install ripgrep");
  }
  if (!has("/usr/include/node/node.h") && !has(path.join(process.execPath, "..", "..", "include", "node", "node.h"))) {
    problems.push("Node headers are missing (needed to build native modules): apt-get install nodejs-dev or libnode-dev");
  }
  if (spawnSync("g++", ["--version"]).status !== 0 || spawnSync("make", ["--version"]).status !== 0) {
    problems.push("a C++ toolchain is missing: apt-get install build-essential");
  }
  if (spawnSync("python3", ["--version"]).status !== 0) {
    problems.push("python3 (for node-gyp) is missing: apt-get install python3");
  }
  return problems;
}

function nodeGyp() {
  const npmDir = path.join(path.dirname(process.execPath), "..", "lib", "node_modules", "npm");
  const candidates = [
    path.join(npmDir, "node_modules", "node-gyp", "bin", "node-gyp.js"),
    "/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js",
    "/usr/share/nodejs/npm/node_modules/node-gyp/bin/node-gyp.js",
  ];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) {
    throw new Error(`npm's bundled node-gyp not found (looked in ${candidates.join(", ")})`);
  }
  return found;
}

function nodeDir() {
  if (fs.existsSync("/usr/include/node/node.h")) {
    return "/usr";
  }
  return path.join(process.execPath, "..", "..");
}

function stepDone(name) {
  return fs.existsSync(path.join(HOST_DIR, `.step-${name}`));
}
function markStep(name) {
  fs.writeFileSync(path.join(HOST_DIR, `.step-${name}`), new Date().toISOString());
}
function step(name, fn) {
  if (stepDone(name)) {
    return;
  }
  const t0 = Date.now();
  log(`${name}…`);
  fn();
  markStep(name);
  log(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const npmEnv = { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };

/** Installs code-server into .vscode-test/ (idempotent). Returns the path of its entry script. */
export function ensureCodeServer() {
  const entry = path.join(CS, "out", "node", "entry.js");
  if (fs.existsSync(DONE_MARK) && fs.existsSync(entry)) {
    return entry;
  }
  const problems = missingSystemPackages({ needBrowser: false });
  if (problems.length) {
    throw new Error(`cannot install the VS Code test host:\n  - ${problems.join("\n  - ")}`);
  }
  const t0 = Date.now();
  fs.mkdirSync(HOST_DIR, { recursive: true });
  if (!fs.existsSync(path.join(HOST_DIR, "package.json"))) {
    fs.writeFileSync(path.join(HOST_DIR, "package.json"), JSON.stringify({ name: "vscode-test-host", private: true }));
  }
  step("npm-install", () =>
    run("npm", ["install", "--ignore-scripts", "--no-save", `code-server@${CODE_SERVER_VERSION}`], { cwd: HOST_DIR, env: npmEnv }),
  );
  step("argon2", () =>
    run("npm", ["rebuild", "argon2"], { cwd: HOST_DIR, env: { ...npmEnv, npm_config_build_from_source: "true" } }),
  );
  step("vscode-deps", () => run("npm", ["install", "--omit=dev", "--ignore-scripts"], { cwd: VSCODE, env: npmEnv }));
  const gyp = nodeGyp();
  for (const mod of ["@vscode/spdlog", "native-watchdog", "node-pty", "@vscode/deviceid"]) {
    const dir = path.join(VSCODE, "node_modules", ...mod.split("/"));
    step(`gyp-${mod.replace("/", "_")}`, () => {
      if (fs.existsSync(dir)) {
        run(process.execPath, [gyp, "rebuild", `--nodedir=${nodeDir()}`, "-j", "2"], { cwd: dir, env: npmEnv });
      }
    });
  }
  step("ripgrep", () => {
    const bin = path.join(VSCODE, "node_modules", "@vscode", "ripgrep", "bin");
    fs.mkdirSync(bin, { recursive: true });
    fs.copyFileSync("/usr/bin/rg", path.join(bin, "rg"));
    fs.chmodSync(path.join(bin, "rg"), 0o755);
  });
  step("symlinks", () => {
    const link = (target, at) => {
      const p = path.join(VSCODE, at);
      try {
        fs.lstatSync(p);
        fs.rmSync(p, { force: true });
      } catch {
        /* not there yet */
      }
      fs.symlinkSync(target, p);
    };
    link("node_modules", "node_modules.asar");
    link("code-linux.sh", path.join("bin", "remote-cli", "code-server"));
    link("browser-linux.sh", path.join("bin", "helpers", "browser.sh"));
  });
  step("builtin-extensions", () => {
    const ext = path.join(VSCODE, "extensions");
    run("npm", ["install", "--omit=dev", "--ignore-scripts"], { cwd: ext, env: npmEnv });
    run(process.execPath, ["postinstall.mjs"], { cwd: ext, env: npmEnv });
  });
  fs.writeFileSync(DONE_MARK, new Date().toISOString());
  log(`code-server ${CODE_SERVER_VERSION} installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return entry;
}

export async function freePort() {
  return await new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

class CodeServerExitedEarly extends Error {}

/** Like {@link startCodeServerOnce}, retried on a fresh port when the server exits at once (a port race). */
export async function startCodeServer(options) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startCodeServerOnce(attempt === 1 ? options : { ...options, port: await freePort() });
    } catch (e) {
      if (!(e instanceof CodeServerExitedEarly) || attempt >= 3) {
        throw e;
      }
      log(`code-server exited at start (attempt ${attempt}); retrying on another port`);
    }
  }
}

/**
 * Starts code-server in its own process group with a clean, offline, isolated profile under runDir.
 * Resolves once it answers HTTP. Returns { url, port, stop() }.
 */
async function startCodeServerOnce({ runDir, port, extensionsDir, installVsix, quiet = true }) {
  const entry = ensureCodeServer();
  fs.mkdirSync(runDir, { recursive: true });
  const ud = path.join(runDir, "user-data");
  const extDir = extensionsDir ?? path.join(runDir, "extensions");
  fs.mkdirSync(path.join(ud, "User"), { recursive: true });
  fs.mkdirSync(extDir, { recursive: true });
  fs.writeFileSync(
    path.join(ud, "User", "settings.json"),
    JSON.stringify(
      {
        "telemetry.telemetryLevel": "off",
        "workbench.startupEditor": "none",
        "workbench.welcomePage.walkthroughs.openOnInstall": false,
        "workbench.tips.enabled": false,
        "git.enabled": false,
        "security.workspace.trust.enabled": false,
        "extensions.autoCheckUpdates": false,
        "extensions.autoUpdate": false,
        "update.mode": "none",
        "workbench.colorTheme": "Default Dark Modern",
        "window.commandCenter": false,
        "chat.commandCenter.enabled": false,
        "workbench.secondarySideBar.defaultVisibility": "hidden",
      },
      null,
      2,
    ),
  );
  const config = path.join(runDir, "config.yaml");
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: "{}",
    XDG_CONFIG_HOME: path.join(runDir, "xdg", "config"),
    XDG_DATA_HOME: path.join(runDir, "xdg", "data"),
    XDG_CACHE_HOME: path.join(runDir, "xdg", "cache"),
    XDG_STATE_HOME: path.join(runDir, "xdg", "state"),
  };
  const common = [
    "--user-data-dir",
    ud,
    "--extensions-dir",
    extDir,
    "--config",
    config,
    "--disable-telemetry",
    "--disable-update-check",
  ];
  if (installVsix) {
    run(process.execPath, [entry, ...common, "--install-extension", installVsix, "--force"], { env });
  }
  const args = [
    entry,
    ...common,
    "--auth",
    "none",
    "--bind-addr",
    `127.0.0.1:${port}`,
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    "--ignore-last-opened",
  ];
  const logFile = path.join(runDir, "code-server.log");
  const out = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ["ignore", out, out] });
  live.add(child);
  let exited = false;
  child.on("exit", () => {
    exited = true;
    live.delete(child);
  });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      throw new CodeServerExitedEarly(`code-server exited early; see ${logFile}:\n${fs.readFileSync(logFile, "utf8").slice(-2000)}`);
    }
    try {
      const r = await fetch(`${url}healthz`);
      // Only our own server counts: its log says it is listening on this port (another process could
      // have taken a port freePort() handed out).
      if (r.ok && !exited && fs.readFileSync(logFile, "utf8").includes(`127.0.0.1:${port}`)) {
        break;
      }
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      stopGroup(child);
      throw new Error(`code-server did not answer within 60 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!quiet) {
    log(`code-server answering at ${url}`);
  }
  return {
    url,
    port,
    logFile,
    child,
    stop: () => stopGroup(child),
  };
}

/**
 * Ends code-server's whole process group (the server, its extension hosts, pty host): SIGTERM, then
 * SIGKILL if it is still there after 3 s. Resolves once the leader has exited.
 */
function stopGroup(child) {
  const kill = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* the group is gone (ESRCH) */
    }
  };
  kill("SIGTERM");
  if (child.exitCode !== null || child.signalCode !== null) {
    // The leader is gone, but members of its group may not be.
    setTimeout(() => kill("SIGKILL"), 500).unref();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(timer);
      kill("SIGKILL"); // stragglers of the group
      resolve();
    });
  });
}

/** Groups started by this process, ended on exit and on SIGINT/SIGTERM (never left behind). */
const live = new Set();
function onSignal(sig) {
  for (const c of live) {
    try {
      process.kill(-c.pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
  process.exit(sig === "SIGINT" ? 130 : 143);
}
process.once("SIGINT", onSignal);
process.once("SIGTERM", onSignal);
process.once("exit", () => {
  for (const c of live) {
    try {
      process.kill(-c.pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
});
