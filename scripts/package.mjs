#!/usr/bin/env node
// Builds the production bundles and packs activation-lens.vsix with @vscode/vsce (offline), then checks
// that the package holds what it must (dist, media, docs) and nothing it must not (sources, maps, tests).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "activation-lens.vsix");
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });

run(process.execPath, ["scripts/build.mjs", "--production"]);
fs.rmSync(out, { force: true });
run(process.execPath, [
  path.join(root, "node_modules", "@vscode", "vsce", "vsce"),
  "package",
  "--no-dependencies",
  "--allow-missing-repository",
  // README images are relative (docs/images); there is no public repository URL to rewrite them to.
  "--no-rewrite-relative-links",
  "--out",
  out,
]);
const listing = execFileSync(process.execPath, [path.join(root, "node_modules", "@vscode", "vsce", "vsce"), "ls", "--no-dependencies"], {
  cwd: root,
  encoding: "utf8",
})
  .split("\n")
  .map((s) => s.trim())
  .filter(Boolean);
const must = ["dist/extension.js", "dist/webview/panel.js", "media/icon.png", "README.md", "CHANGELOG.md", "LICENSE", "package.json"];
const missing = must.filter((f) => !listing.includes(f));
const forbidden = listing.filter((f) => /^(src|test|scripts|bench|node_modules|examples)\/|\.map$|\.ts$/.test(f));
if (missing.length || forbidden.length) {
  console.error(`[package] bad package contents. missing: ${missing.join(", ") || "none"}; forbidden: ${forbidden.join(", ") || "none"}`);
  process.exit(1);
}
console.log(`[package] ${path.basename(out)}: ${listing.length} files, ${(fs.statSync(out).size / 1024).toFixed(0)} KiB`);
