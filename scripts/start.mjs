#!/usr/bin/env node
// Starts the bundled VS Code (code-server 4.100.3) on 127.0.0.1 with Activation Lens loaded from this
// folder and the demo workspace (examples/) open, and prints the URL to open. Ctrl-C stops it.
// Options: --port N (default 3210).
import path from "node:path";
import { ensureCodeServer, missingSystemPackages, ROOT, startCodeServer } from "./lib/code-server.mjs";
import { remoteAuthority, workbenchUrl } from "./lib/workbench.mjs";

const i = process.argv.indexOf("--port");
const port = i >= 0 ? Number(process.argv[i + 1]) : 3210;
const problems = missingSystemPackages({ needBrowser: false });
if (problems.length) {
  console.error(`[start] the machine lacks:\n  - ${problems.join("\n  - ")}`);
  process.exit(2);
}
ensureCodeServer();
const server = await startCodeServer({ runDir: path.join(ROOT, ".vscode-test", "start"), port, quiet: false });
const authority = await remoteAuthority(server.url);
const url = workbenchUrl(server.url, authority, { folder: path.join(ROOT, "examples"), extensionDevelopmentPath: ROOT });
console.log(`\nActivation Lens is running in VS Code 1.100 (code-server). Open:\n\n  ${url}\n\nCtrl-C to stop.`);
// Ctrl-C / SIGTERM end code-server's whole process group (handled in lib/code-server.mjs).
server.child.on("exit", (code) => {
  console.log(`[start] code-server exited (${code}); log: ${server.logFile}`);
  process.exit(code ?? 1);
});
