/**
 * Benchmark of what one hover computes (src/extension/hover.ts, minus VS Code's own rendering):
 * detectActivation at the cursor on a document it has not seen (an edit invalidates the detector's
 * memo, so every hover after typing is cold), then the f/f′ mini plot as an SVG data URI.
 *
 *   node --import tsx bench/hover.bench.ts [--quick]
 *
 * Documents: a realistic PyTorch model file repeated to ~300, ~2,000, ~10,000 and ~150,000 lines (the last over
 * the detector's 1 MiB full-scan limit, so the hover scans a window around its offset), and a minified one-line
 * JS bundle.
 * Baselines in the same run: one plain pass over the text (`String.prototype.split("\n")`), and the
 * hover budget of 20 ms. Figures: median ms per hover, and ratios.
 * Writes bench/results/hover.md (--quick: bench/.tmp/hover.quick.md).
 */
import fs from "node:fs";
import path from "node:path";
import { derivative, evaluate, getActivation } from "../src/core/activations";
import { detectActivation } from "../src/core/detect";
import { miniPlotSvg, svgDataUri } from "../src/core/plot";

const quick = process.argv.includes("--quick");
const BUDGET_MS = 20;
const here = path.dirname(new URL(import.meta.url).pathname);
const model = fs.readFileSync(path.join(here, "..", "examples", "model.py"), "utf8");

function documentOf(lines: number): string {
  const per = model.split("\n").length;
  const parts: string[] = [];
  for (let i = 0; parts.length * per < lines; i++) {
    parts.push(model.replace(/class (\w+)/g, `class $1_${i}`));
  }
  return parts.join("\n");
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function hoverOnce(text: string, offset: number, language = "python"): number {
  const found = detectActivation(text, offset, language);
  if (!found) {
    throw new Error("no activation found at the hover position");
  }
  const spec = getActivation(found.id)!;
  const svg = miniPlotSvg({
    f: (x) => evaluate(spec.id, x, found.params),
    df: (x) => derivative(spec.id, x, found.params),
    range: [-7, 7],
    kinks: spec.kinks(found.params),
    width: 260,
    height: 120,
  });
  return svgDataUri(svg).length;
}

// 150,000 lines (4.5 MiB) is over the detector's 1 MiB full-scan limit: it scans a window around the hover
const sizes = quick ? [300, 2000] : [300, 2000, 10000, 150000];
const reps = quick ? 15 : 31;
const rows: string[] = [];
let sink = 0;
// Warm up the JIT on a separate document so the first size is not measuring compilation.
{
  const warm = documentOf(500);
  const at = warm.lastIndexOf("nn.LeakyReLU(0.2)") + 5;
  for (let i = 0; i < (quick ? 40 : 100); i++) {
    sink += hoverOnce(`${warm}\n# warm ${i}\n`, at);
  }
}
/**
 * One table row: the median hover (and the split pass beside it) over `reps` fresh texts, each `base` plus an edit
 * (`edit(r)`, so the detector's memo never hits), hovering at `offset`.
 */
function measure(label: string, base: string, offset: number, language: string, edit: (r: number) => string): string {
  const hoverMs: number[] = [];
  const passMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const text = base + edit(r);
    let t0 = performance.now();
    sink += hoverOnce(text, offset, language);
    hoverMs.push(performance.now() - t0);
    t0 = performance.now();
    sink += text.split("\n").length;
    passMs.push(performance.now() - t0);
  }
  const h = median(hoverMs.slice(3));
  const p = median(passMs.slice(3));
  return `| ${label} | ${(base.length / 1024).toFixed(0)} KiB | ${h.toFixed(2)} | ${p.toFixed(3)} | ${(h / p).toFixed(1)}× | ${(h / BUDGET_MS).toFixed(3)} |`;
}

for (const lines of sizes) {
  const base = documentOf(lines);
  // The hover sits on the last nn.LeakyReLU(0.2) of the file: the detector scans everything before it.
  const offset = base.lastIndexOf("nn.LeakyReLU(0.2)") + 5;
  rows.push(measure(String(base.split("\n").length), base, offset, "python", (r) => `\n# edit ${r}\n`));
}
// A minified bundle: one line of about 4.9 MB of JavaScript with a TF.js layer in the middle.
if (!quick) {
  const filler = "var a=f(b,c);".repeat(190_000);
  const base = `${filler}m.add(tf.layers.dense({units:4,activation:'relu'}));${filler}`;
  rows.push(measure("1 (minified JS)", base, base.indexOf("'relu'") + 2, "javascript", (r) => `// edit ${r}`));
}
const table = [
  "## Hover (detect + mini plot), cold document",
  "",
  "Median over repeated hovers on a fresh text each time (as after an edit). Baseline: one `split(\"\\n\")` pass over the same text, measured in the same run; budget: 20 ms.",
  "",
  "| lines | size | hover ms | split pass ms | hover / pass | hover / 20 ms budget |",
  "|---:|---:|---:|---:|---:|---:|",
  ...rows,
  "",
].join("\n");
console.log(table);
const out = quick ? path.join(here, ".tmp", "hover.quick.md") : path.join(here, "results", "hover.md");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, table);
if (sink === 0) {
  console.log("(sink)");
}
