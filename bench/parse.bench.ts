/**
 * Benchmark of `parseNumbers` (src/core/parse) against `JSON.parse`, measured in the same run.
 *
 *   node --import tsx bench/parse.bench.ts [--quick]
 *
 * Input: an N×N float32 matrix of N(0, 1) values (numpy, seeded), N = 1000 (--quick: 200), printed
 * by the real tools with /usr/bin/python3 once and cached in bench/.tmp (git-ignored):
 * - JSON: `json.dumps(a.tolist())` — Python's shortest repr of each float32 as a double: 16–17 digits;
 * - numpy repr: `repr(a)` under `np.set_printoptions(threshold=sys.maxsize)` — 8 significant digits;
 * - torch repr: `repr(torch.from_numpy(a))` under `torch.set_printoptions(profile="full")` — 4 decimals.
 * Runs of the four cases are interleaved; each figure is the median over the runs after warm-up.
 * MB/s counts characters of text (all ASCII) per second, from the process's CPU time
 * (process.cpuUsage: user + system, all threads, so JSON.parse's garbage collection counts) — the
 * machine is shared, and CPU time is far steadier than wall time under load — and, beside it, from
 * wall time. The ratio is parseNumbers' MB/s over JSON.parse's MB/s on the JSON text, both by CPU
 * time (JSON.parse builds nested Arrays; parseNumbers a Float64Array with the shape).
 * Writes the table to bench/results/parse.md (--quick: to bench/.tmp/parse.quick.md).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseNumbers } from "../src/core/parse/index";

const quick = process.argv.includes("--quick");
const N = quick ? 200 : 1000;
const RUNS = quick ? 5 : 9;
const tmp = path.join(__dirname, ".tmp");

const PY = `
import json, sys, numpy as np, torch
n = int(sys.argv[1]); out = sys.argv[2]
a = np.random.default_rng(1234).standard_normal((n, n)).astype(np.float32)
np.set_printoptions(threshold=sys.maxsize)
torch.set_printoptions(profile="full")
open(out + "/parse-%d.json" % n, "w").write(json.dumps(a.tolist()))
open(out + "/parse-%d.numpy.txt" % n, "w").write(repr(a))
open(out + "/parse-%d.torch.txt" % n, "w").write(repr(torch.from_numpy(a)))
`;

function texts(): { json: string; numpy: string; torch: string } {
  const file = (k: string) => path.join(tmp, `parse-${N}.${k}`);
  if (![file("json"), file("numpy.txt"), file("torch.txt")].every((f) => fs.existsSync(f))) {
    fs.mkdirSync(tmp, { recursive: true });
    process.stderr.write(`printing a ${N}×${N} float32 matrix with numpy and torch (once, cached in bench/.tmp)…\n`);
    execFileSync("/usr/bin/python3", ["-c", PY, String(N), tmp], { stdio: "inherit" });
  }
  return { json: fs.readFileSync(file("json"), "utf8"), numpy: fs.readFileSync(file("numpy.txt"), "utf8"), torch: fs.readFileSync(file("torch.txt"), "utf8") };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** [cpu ms, wall ms] of one call. */
function time(fn: () => unknown): [number, number] {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return [(c.user + c.system) / 1e3, wall];
}

const t = texts();
// Correctness first: exact values and shapes.
const ref = (JSON.parse(t.json) as number[][]).flat();
const pj = parseNumbers(t.json);
if (pj.format !== "json" || pj.shape.join() !== `${N},${N}` || ref.some((v, i) => !Object.is(v, pj.data[i]))) {
  throw new Error("parseNumbers(JSON) differs from JSON.parse");
}
for (const [k, fmt] of [["numpy", "numpy-repr"], ["torch", "torch-repr"]] as const) {
  const p = parseNumbers(t[k]);
  if (p.format !== fmt || p.shape.join() !== `${N},${N}`) {
    throw new Error(`${k}: read as ${p.format} ${p.shape}`);
  }
  for (let i = 0; i < ref.length; i++) {
    const tol = k === "torch" ? 5e-5 : 5e-8 * Math.max(1, Math.abs(ref[i]));
    if (Math.abs(p.data[i] - ref[i]) > tol) {
      throw new Error(`${k}: value ${i} is ${p.data[i]}, the matrix holds ${ref[i]}`);
    }
  }
}

const cases: { label: string; text: string; fn: () => unknown }[] = [
  { label: "JSON.parse (JSON text)", text: t.json, fn: () => JSON.parse(t.json) },
  { label: "parseNumbers (JSON text)", text: t.json, fn: () => parseNumbers(t.json) },
  { label: "parseNumbers (numpy repr)", text: t.numpy, fn: () => parseNumbers(t.numpy) },
  { label: "parseNumbers (torch repr)", text: t.torch, fn: () => parseNumbers(t.torch) },
];
const cpu: number[][] = cases.map(() => []);
const wall: number[][] = cases.map(() => []);
for (const c of cases) {
  c.fn(); // warm-up
  c.fn();
}
for (let r = 0; r < RUNS; r++) {
  cases.forEach((c, k) => {
    const [cm, wm] = time(c.fn);
    cpu[k].push(cm);
    wall[k].push(wm);
  });
}
const mbs = cases.map((c, k) => c.text.length / 1e6 / (median(cpu[k]) / 1e3));
const mbsWall = cases.map((c, k) => c.text.length / 1e6 / (median(wall[k]) / 1e3));
const base = mbs[0];
const rows = cases.map(
  (c, k) =>
    `| ${c.label} | ${(c.text.length / 1e6).toFixed(2)} | ${median(cpu[k]).toFixed(1)} | ${mbs[k].toFixed(0)} | ${mbsWall[k].toFixed(0)} | ${(mbs[k] / base).toFixed(2)}× | ${k === 0 ? "—" : mbs[k] / base >= 1 ? "yes" : "**no**"} |`,
);

const table = [
  `## parseNumbers vs JSON.parse — ${N}×${N} float32 N(0, 1), printed by Python's json, numpy repr and torch repr`,
  "",
  `Median of ${RUNS} interleaved runs after warm-up; node ${process.version}; ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} at the end; ${new Date().toISOString().slice(0, 10)}.`,
  "MB/s from CPU time (process.cpuUsage); wall-time MB/s beside it. Target: every format ≥ 1× JSON.parse.",
  "",
  "| case | text MB | CPU ms | MB/s (CPU) | MB/s (wall) | ratio to JSON.parse | ≥ 1× |",
  "| --- | ---: | ---: | ---: | ---: | ---: | :---: |",
  ...rows,
  "",
].join("\n");
process.stdout.write(table);
const out = quick ? path.join(tmp, "parse.quick.md") : path.join(__dirname, "results", "parse.md");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, table);
process.stderr.write(`wrote ${path.relative(process.cwd(), out)}\n`);
