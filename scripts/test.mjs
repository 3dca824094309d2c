#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure: type-check, lint, unit tests,
// build, package, integration tests in the real VS Code host. Ends with one line
// `tests: N passed, N failed` counting unit and integration tests.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const steps = [
  ["typecheck", ["run", "-s", "typecheck"]],
  ["lint", ["run", "-s", "lint"]],
  ["unit", ["run", "-s", "test:unit"]],
  ["build", ["run", "-s", "build"]],
  ["package", ["run", "-s", "package"]],
  ["integration", ["run", "-s", "test:integration"]],
];
let passed = 0;
let failed = 0;

function runStep(name, args) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    console.log(`\n=== ${name} ===`);
    const child = spawn("npm", args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    const count = (chunk) => {
      const s = chunk.toString();
      for (const m of s.matchAll(/^\s*(\d+) (passing|failing)\b/gm)) {
        if (m[2] === "passing") {
          passed += Number(m[1]);
        } else {
          failed += Number(m[1]);
        }
      }
      return s;
    };
    child.stdout.on("data", (c) => process.stdout.write(count(c)));
    child.stderr.on("data", (c) => process.stderr.write(count(c)));
    child.on("close", (code) => {
      console.log(`=== ${name}: ${code === 0 ? "ok" : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s ===`);
      resolve(code ?? 1);
    });
  });
}

let code = 0;
for (const [name, args] of steps) {
  code = await runStep(name, args);
  if (code !== 0) {
    failed = Math.max(failed, 1);
    break;
  }
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(code);
