#!/usr/bin/env node
// Copies the README's pictures from the latest integration run (test-results/screenshots) to docs/images.
// Run after `npm test`; the pictures are what the real VS Code host showed.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const from = path.join(root, "test-results", "screenshots");
const to = path.join(root, "docs", "images");
const pictures = [
  "compare-three-panel",
  "heatmap-numpy-panel",
  "hover-leaky-relu",
  "side-view-leaky-relu",
  "side-view-heatmap",
  "light-theme-panel",
  "explain-interaction-panel",
  "explain-bias-panel",
  "explain-relusum-panel",
  "explain-depth-panel",
  "explain-dying-panel",
  "explain-saturation-panel",
];
fs.mkdirSync(to, { recursive: true });
const missing = [];
for (const p of pictures) {
  const src = path.join(from, `${p}.png`);
  if (fs.existsSync(src)) {
    fs.copyFileSync(src, path.join(to, `${p}.png`));
  } else {
    missing.push(p);
  }
}
console.log(`[readme-images] copied ${pictures.length - missing.length} pictures to docs/images${missing.length ? `; missing: ${missing.join(", ")}` : ""}`);
process.exit(missing.length ? 1 : 0);
