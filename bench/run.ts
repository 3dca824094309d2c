/**
 * Runs every benchmark (bench/*.bench.ts), each in its own Node process so one does not warm or
 * pollute another, then writes bench/RESULTS.md from their tables (bench/results/*.md).
 *
 *   npm run bench            full sizes (several minutes on 2 cores)
 *   npm run bench -- --quick small sizes, a smoke run (tables go to bench/.tmp, RESULTS.md untouched)
 *   npm run bench -- --only=hover   one benchmark (its table in bench/results; RESULTS.md untouched)
 *   npm run bench -- --assemble     RESULTS.md from the tables in bench/results, nothing re-run
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = path.dirname(new URL(import.meta.url).pathname);
const quick = process.argv.includes("--quick");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
/** --assemble: write RESULTS.md from the committed tables without re-running anything. */
const assembleOnly = process.argv.includes("--assemble");
const benches = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => !only || f.startsWith(only))
  .sort();

let failed = 0;
for (const b of assembleOnly ? [] : benches) {
  console.log(`\n### ${b}${quick ? " (--quick)" : ""}`);
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, b), ...(quick ? ["--quick"] : [])], { stdio: "inherit" });
  if (r.status !== 0) {
    failed++;
    console.error(`[bench] ${b} failed (exit ${r.status})`);
  }
}

if (!quick && !only) {
  const resultsDir = path.join(dir, "results");
  const parts = fs.existsSync(resultsDir)
    ? fs
        .readdirSync(resultsDir)
        .filter((f) => f.endsWith(".md"))
        .sort()
        .map((f) => fs.readFileSync(path.join(resultsDir, f), "utf8").trim())
    : [];
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const header = [
    "# Benchmark results",
    "",
    `Assembled ${new Date().toISOString().slice(0, 10)} from bench/results (each section says how and when it was measured); Node ${process.version}, ${os.cpus().length} × ${cpu}.`,
    "Every figure is relative to a baseline measured in the same run (see each section). Regenerate with `npm run bench`.",
    "",
  ].join("\n");
  fs.writeFileSync(path.join(dir, "RESULTS.md"), `${header}\n${parts.join("\n\n")}\n`);
  console.log(`\n[bench] wrote bench/RESULTS.md (${parts.length} sections)`);
}
process.exit(failed ? 1 : 0);
