#!/usr/bin/env node
// The same integration suites through @vscode/test-electron, for machines that can download VS Code
// (this project's own machines cannot: there, `npm run test:integration` uses code-server instead).
// The browser-side pixel checks need the code-server bridge and are reported as pending here.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runTests } from "@vscode/test-electron";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
try {
  await runTests({
    version: process.env.VSCODE_TEST_VERSION ?? "1.100.3",
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, "out", "test", "integration", "index.js"),
    launchArgs: [path.join(root, "examples"), "--disable-extensions", "--disable-workspace-trust"],
  });
} catch (e) {
  console.error(`[test-electron] failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
