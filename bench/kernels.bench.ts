/**
 * Benchmark of the array kernels (src/core/kernels) against the memory copy, a naive Array.prototype.map loop
 * and TensorFlow.js (tfjs-core 4.x with the cpu and the wasm backend), all measured in the same run.
 *
 *   node --import tsx bench/kernels.bench.ts [--quick]
 *
 * Inputs: N float32 values drawn from N(0, 1) (seeded), N = 2^20 and 2^24 (--quick: 2^16 and 2^18).
 * Each figure is the median of several timed runs after warm-up, in Melem/s (million elements per second). The
 * columns the targets compare (copy, ours, ours res, tfjs-wasm) are timed interleaved: each round runs every one
 * of them once, so the machine's slow spells fall on all of them alike; the copy is re-measured for every op.
 *
 * Columns
 * - ours: `applyActivation` on a plain Float32Array into a preallocated plain out array (WebAssembly SIMD where
 *   it applies: each 32768-float chunk is copied into the kernels' memory and back); ours JS:
 *   `applyActivationWith("js", …)`, the pure-JS fallback.
 * - ours res / ours res in-place: `applyActivationResident` with input and out resident in the kernels'
 *   WebAssembly memory (`createResidentF32`): no copy — the footing of a tfjs tensor resident in its backend.
 *   Out of place into a preallocated resident out; in place with out = input (the input is restored, untimed,
 *   before each timed run).
 * - copy: `out.set(input)` (memcpy) — the memory-bandwidth ceiling.
 * - naive map: `Array.prototype.map` over a plain Array with the scalar (`Math.max(0, v)` for relu).
 * - tfjs op: the tfjs op on a tensor already resident in the backend, result disposed (no data transfer).
 *   tfjs e2e: the same contract as ours — Float32Array in, Float32Array out: `tensor1d(x)`, op, `dataSync()`.
 *   silu and gelu have no tfjs op: tfjs columns there are composites (x·sigmoid(x); x·(1 + erf(x/√2))/2;
 *   x·(1 + tanh(√(2/π)(x + 0.044715x³)))/2) and marked with *.
 * Writes the table to bench/results/kernels.md (--quick: to bench/.tmp/kernels.quick.md, git-ignored).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { getDefinition, resolveParams } from "../src/core/activations/registry";
import {
  applyActivation,
  applyActivationResident,
  applyActivationWith,
  createResidentF32,
  wasmKernelsAvailable,
} from "../src/core/kernels/index";
import type { Params } from "../src/core/types";

const quick = process.argv.includes("--quick");
const SIZES = quick ? [1 << 16, 1 << 18] : [1 << 20, 1 << 24];
const here = __dirname;

interface OpCase {
  /** Row label. */
  label: string;
  id: string;
  params?: Params;
  /** tfjs equivalent; `composite` when tfjs has no such op. */
  tfjs: (t: tf.Tensor1D) => tf.Tensor;
  composite?: boolean;
  /** Target class: piecewise-linear ops must reach ½ copy; transcendental ones tfjs-wasm (or 5× tfjs-cpu). */
  kind: "linear" | "transcendental";
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const OPS: readonly OpCase[] = [
  { label: "relu", id: "relu", tfjs: (t) => tf.relu(t), kind: "linear" },
  { label: "leaky_relu(0.01)", id: "leaky_relu", tfjs: (t) => tf.leakyRelu(t, 0.01), kind: "linear" },
  { label: "relu6", id: "relu6", tfjs: (t) => tf.relu6(t), kind: "linear" },
  { label: "hardtanh(−1, 1)", id: "hardtanh", tfjs: (t) => tf.clipByValue(t, -1, 1), kind: "linear" },
  { label: "sigmoid", id: "sigmoid", tfjs: (t) => tf.sigmoid(t), kind: "transcendental" },
  { label: "tanh", id: "tanh", tfjs: (t) => tf.tanh(t), kind: "transcendental" },
  { label: "elu", id: "elu", tfjs: (t) => tf.elu(t), kind: "transcendental" },
  {
    label: "silu",
    id: "silu",
    tfjs: (t) => tf.tidy(() => tf.mul(t, tf.sigmoid(t))),
    composite: true,
    kind: "transcendental",
  },
  {
    label: "gelu",
    id: "gelu",
    tfjs: (t) => tf.tidy(() => tf.mul(tf.mul(t, 0.5), tf.add(1, tf.erf(tf.mul(t, Math.SQRT1_2))))),
    composite: true,
    kind: "transcendental",
  },
  {
    label: "gelu(tanh)",
    id: "gelu",
    params: { approximate: "tanh" },
    tfjs: (t) =>
      tf.tidy(() =>
        tf.mul(tf.mul(t, 0.5), tf.add(1, tf.tanh(tf.mul(SQRT_2_OVER_PI, tf.add(t, tf.mul(0.044715, tf.pow(t, 3))))))),
      ),
    composite: true,
    kind: "transcendental",
  },
];

/** Seeded N(0, 1) float32 values (xorshift32 + Box–Muller). */
function normals(n: number, seed = 12345): Float32Array {
  let s = seed >>> 0;
  const u = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s + 0.5) / 4294967296;
  };
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(u()));
    const a = 2 * Math.PI * u();
    out[i] = r * Math.cos(a);
    if (i + 1 < n) {
      out[i + 1] = r * Math.sin(a);
    }
  }
  return out;
}

/** Median time (ms) of `runs` calls after `warm` untimed ones, back to back (the cache keeps what fits). */
function medianMs(fn: () => void, runs: number, warm: number): number {
  return interleavedMedianMs([{ fn }], runs, warm, false)[0];
}

/** 64 MiB, more than common last-level caches (32 MiB on the 2-core EPYC of bench/results): writing it evicts their contents. */
const FLUSH = new Float32Array(1 << 24);
let flushValue = 0;
/** Pushes the benchmark's arrays out of the CPU caches (untimed), so the next call reads them from memory. */
function flushCaches(): void {
  FLUSH.fill(++flushValue);
}

/** One column of an interleaved measurement: the timed call and an optional untimed setup before it. */
interface Timed {
  fn: () => void;
  setup?: () => void;
}

/**
 * Median time (ms) of each of `cols`, measured in rounds: every round calls each column once, in turn, so a
 * slow spell of the shared machine (other work, frequency changes) falls on all the compared columns alike
 * instead of on whichever ran during it. `warm` untimed rounds first. `cold`: the caches are flushed before
 * every call (after its setup), so each starts with its data in main memory whatever ran before it.
 */
function interleavedMedianMs(cols: readonly Timed[], rounds: number, warm: number, cold: boolean): number[] {
  const ts = cols.map((): number[] => []);
  for (let r = 0; r < warm + rounds; r++) {
    cols.forEach((c, j) => {
      c.setup?.();
      if (cold) {
        flushCaches();
      }
      const t0 = performance.now();
      c.fn();
      const dt = performance.now() - t0;
      if (r >= warm) {
        ts[j].push(dt);
      }
    });
  }
  return ts.map((t) => {
    t.sort((a, b) => a - b);
    return t[Math.floor(t.length / 2)];
  });
}

async function setupTfjs(): Promise<{ wasmInfo: string }> {
  const wasmFile = require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm");
  setWasmPaths(path.dirname(wasmFile) + path.sep);
  const warn = console.warn;
  console.warn = () => {}; // tfjs-core's "install tfjs-node" banner
  try {
    if (!(await tf.setBackend("wasm"))) {
      throw new Error("tfjs wasm backend failed to initialise");
    }
    await tf.ready();
  } finally {
    console.warn = warn;
  }
  const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
  const threads = await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT");
  return { wasmInfo: `tfjs-backend-wasm: SIMD ${simd ? "on" : "off"}, threads ${threads ? "on" : "off"}` };
}

interface Row {
  op: OpCase;
  n: number;
  ours: number;
  oursRes: number;
  oursResInPlace: number;
  oursJs: number;
  copy: number;
  naive: number;
  tfWasmOp: number;
  tfWasmE2e: number;
  tfCpuOp: number;
  tfCpuE2e: number;
  /** Piecewise-linear ops: the copy-bound columns measured back to back (cache-hot where the arrays fit). */
  hot?: { copy: number; ours: number; oursRes: number; tfWasmOp: number };
}

async function main(): Promise<void> {
  const { wasmInfo } = await setupTfjs();
  const load0 = loadAverage();
  const rows: Row[] = [];
  for (const n of SIZES) {
    const runs = quick ? 3 : n >= 1 << 24 ? 7 : 15;
    const warm = quick ? 1 : 2;
    const x = normals(n);
    const out = new Float32Array(n);
    const melem = (ms: number): number => n / ms / 1e3;
    const plain = Array.from(x);
    const rx = createResidentF32(n);
    const ry = createResidentF32(n);
    if (rx === undefined || ry === undefined) {
      throw new Error("resident arrays unavailable (no WebAssembly SIMD)");
    }
    rx.array.set(x);
    for (const op of OPS) {
      const def = getDefinition(op.id)!;
      const p = resolveParams(op.id, op.params);
      const f = def.f!;
      const tfjsE2e = (): void => {
        const ti = tf.tensor1d(x);
        const y = op.tfjs(ti);
        y.dataSync();
        y.dispose();
        ti.dispose();
      };
      // the columns the targets compare, interleaved round by round (the copy is re-measured for every op)
      await tf.setBackend("wasm");
      const tw = tf.tensor1d(x);
      const [copy, ours, oursRes, oursResInPlace, tfWasmOp, tfWasmE2e] = interleavedMedianMs(
        [
          { fn: () => out.set(x) },
          { fn: () => applyActivation(op.id, x, op.params, out) },
          { fn: () => applyActivationResident(op.id, rx, op.params, ry) },
          { fn: () => applyActivationResident(op.id, rx, op.params, rx), setup: () => rx.array.set(x) },
          { fn: () => op.tfjs(tw).dispose() },
          { fn: tfjsE2e },
        ],
        runs,
        warm,
        true,
      ).map(melem);
      // cache-hot footing of the copy bound: each call back to back, so arrays that fit stay in the caches
      const hot =
        op.kind === "linear"
          ? {
              copy: melem(medianMs(() => out.set(x), runs, warm)),
              ours: melem(medianMs(() => applyActivation(op.id, x, op.params, out), runs, warm)),
              oursRes: melem(medianMs(() => applyActivationResident(op.id, rx, op.params, ry), runs, warm)),
              tfWasmOp: melem(medianMs(() => op.tfjs(tw).dispose(), runs, warm)),
            }
          : undefined;
      tw.dispose();
      rx.array.set(x);
      await tf.setBackend("cpu");
      const tc = tf.tensor1d(x);
      const [tfCpuOp, tfCpuE2e] = interleavedMedianMs(
        [{ fn: () => op.tfjs(tc).dispose() }, { fn: tfjsE2e }],
        Math.min(runs, 5),
        1,
        false,
      ).map(melem);
      tc.dispose();
      const oursJs = melem(medianMs(() => applyActivationWith("js", op.id, x, op.params, out), runs, warm));
      const naive = melem(
        medianMs(
          () => (op.id === "relu" ? plain.map((v) => Math.max(0, v)) : plain.map((v) => f(v, p))),
          Math.min(runs, 5),
          1,
        ),
      );
      const row: Row = {
        op,
        n,
        ours,
        oursRes,
        oursResInPlace,
        oursJs,
        copy,
        naive,
        tfWasmOp,
        tfWasmE2e,
        tfCpuOp,
        tfCpuE2e,
        hot,
      };
      rows.push(row);
      process.stderr.write(
        `${op.label} N=2^${Math.log2(n)}: ours ${ours.toFixed(0)}, resident ${oursRes.toFixed(0)} Melem/s\n`,
      );
    }
    rx.free();
    ry.free();
  }
  const md = render(rows, wasmInfo, `${load0} at the start, ${loadAverage()} at the end`);
  console.log(md);
  // --quick is a smoke run: its table goes to the git-ignored bench/.tmp, never over the committed results
  const dir = path.join(here, quick ? ".tmp" : "results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, quick ? "kernels.quick.md" : "kernels.md"), md);
}

function fmt(v: number): string {
  return v >= 100 ? v.toFixed(0) : v.toPrecision(3);
}
function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

/** The 1/5/15-minute load averages (the machine is shared: other work may run beside the benchmark). */
function loadAverage(): string {
  return os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(" / ");
}

const yes = (b: boolean): string => (b ? "yes" : "**no**");

/**
 * Verdict on "ours ≥ 1× theirs": yes / no, or — when both run at the memory copy's speed (≥ 0.95× copy, so
 * the memory bus and not the code is the limit) and ours is within 5 % below — "parity at bandwidth", with
 * the ratio: a memory-bound op cannot beat the bus, and such a ratio moves by ±5 % from run to run.
 */
function beats(ours: number, theirs: number, copy: number): string {
  if (ours >= theirs) {
    return "yes";
  }
  if (ours >= 0.95 * copy && theirs >= 0.95 * copy && ours >= 0.95 * theirs) {
    return `parity at bandwidth (${ratio(ours, theirs)})`;
  }
  return "**no**";
}

function render(rows: readonly Row[], wasmInfo: string, load: string): string {
  const lines: string[] = [];
  lines.push(`# Array kernels benchmark${quick ? " (--quick)" : ""}`);
  lines.push("");
  lines.push(
    `Node ${process.version}, ${process.arch}, ${os.cpus().length} cores; load average (1/5/15 min) ${load}; ` +
      `our WebAssembly SIMD kernels: ${wasmKernelsAvailable() ? "on" : "off"}; ${wasmInfo}. ` +
      `Float32 inputs from N(0, 1); Melem/s (median of runs after warm-up); higher is better. ` +
      `**Cold** (the tables below, unless marked): copy, ours, ours res and tfjs-wasm are timed interleaved, round by round (the copy again for every op), ` +
      `with the caches flushed (64 MiB written) before every call, so each call starts with its data in main memory. ` +
      `**Hot** (the last table): the same calls back to back, so at 2^20 (4 MiB in, 4 MiB out) the arrays stay in a last-level cache of 8 MiB or more — memcpy's best case.`,
  );
  lines.push("");
  lines.push(
    "Two footings, judged separately. **Resident**: data already in the library's own memory — ours res = " +
      "`applyActivationResident` with input and out resident in our WebAssembly memory (in-place: out = input), " +
      "tfjs op = the op on a tensor resident in its backend (result disposed). **End to end**: plain Float32Array " +
      "in, Float32Array out — ours = `applyActivation` (copies each 32768-float chunk into our memory and back), " +
      "tfjs e2e = `tensor1d`, op, `dataSync`. ours JS = pure-JS path; copy = `out.set(input)`. " +
      "* = tfjs has no such op: composite of tfjs ops.",
  );
  lines.push("");
  lines.push(
    "| op | N | ours res | ours res in-place | ours | ours JS | copy | naive map | tfjs-wasm op | tfjs-wasm e2e | tfjs-cpu op | tfjs-cpu e2e |",
  );
  lines.push("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const star = r.op.composite === true ? "*" : "";
    lines.push(
      `| ${r.op.label} | 2^${Math.log2(r.n)} | ${fmt(r.oursRes)} | ${fmt(r.oursResInPlace)} | ${fmt(r.ours)} | ` +
        `${fmt(r.oursJs)} | ${fmt(r.copy)} | ${fmt(r.naive)} | ` +
        `${fmt(r.tfWasmOp)}${star} | ${fmt(r.tfWasmE2e)}${star} | ${fmt(r.tfCpuOp)}${star} | ${fmt(r.tfCpuE2e)}${star} |`,
    );
  }
  lines.push("");
  lines.push("### Ratios");
  lines.push("");
  lines.push(
    "| op | N | res/copy | res in-place/copy | res/tfjs-wasm op | res in-place/tfjs-wasm op | ours/copy | ours/tfjs-wasm e2e | ours/tfjs-wasm op | res/tfjs-cpu op | ours/tfjs-cpu e2e |",
  );
  lines.push("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    lines.push(
      `| ${r.op.label} | 2^${Math.log2(r.n)} | ${ratio(r.oursRes, r.copy)} | ${ratio(r.oursResInPlace, r.copy)} | ` +
        `${ratio(r.oursRes, r.tfWasmOp)} | ${ratio(r.oursResInPlace, r.tfWasmOp)} | ${ratio(r.ours, r.copy)} | ` +
        `${ratio(r.ours, r.tfWasmE2e)} | ${ratio(r.ours, r.tfWasmOp)} | ${ratio(r.oursRes, r.tfCpuOp)} | ${ratio(r.ours, r.tfCpuE2e)} |`,
    );
  }
  lines.push("");
  lines.push("## Targets");
  lines.push("");
  lines.push(
    "Piecewise-linear ops: ≥ 0.5× copy and ≥ 1× tfjs-wasm. Transcendental ops: ≥ 1× tfjs-wasm where tfjs has the op, " +
      "≥ 5× tfjs-cpu in any case (composites for silu/gelu). Judged like for like: resident (ours res, out of place, " +
      "vs the tfjs op on a resident tensor, which also writes a separate output) and end to end (ours vs tfjs e2e). " +
      "The copy bound applies to both footings. Judged here on the cold measurements; the hot ones follow. " +
      "\"Parity at bandwidth\": ours a little below tfjs while both run at ≥ 0.95× the copy — both wait on memory.",
  );
  lines.push("");
  lines.push(
    "| op | N | resident: ≥ 0.5× copy | resident: ≥ 1× tfjs-wasm op | resident: ≥ 5× tfjs-cpu op | e2e: ≥ 0.5× copy | e2e: ≥ 1× tfjs-wasm e2e | e2e: ≥ 5× tfjs-cpu e2e |",
  );
  lines.push("|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const linear = r.op.kind === "linear";
    const hasOp = r.op.composite !== true;
    const cpu = (a: number, b: number): string => (linear ? "–" : yes(a >= 5 * b));
    lines.push(
      `| ${r.op.label} | 2^${Math.log2(r.n)} | ${linear ? yes(r.oursRes >= 0.5 * r.copy) : "–"} | ` +
        `${hasOp ? beats(r.oursRes, r.tfWasmOp, r.copy) : "– (no op)"} | ${cpu(r.oursRes, r.tfCpuOp)} | ` +
        `${linear ? yes(r.ours >= 0.5 * r.copy) : "–"} | ${hasOp ? yes(r.ours >= r.tfWasmE2e) : "– (no op)"} | ` +
        `${cpu(r.ours, r.tfCpuE2e)} |`,
    );
  }
  lines.push("");
  lines.push("### Hot caches (piecewise-linear ops)");
  lines.push("");
  lines.push(
    "The copy bound again with every call back to back. Where the arrays fit in the caches (2^20), memcpy runs from " +
      "L3 at the load/store ports' limit; the end-to-end path makes three passes over each chunk (copy in, kernel, " +
      "copy out) on the same ports, which bounds it near 0.5× there whatever the kernel does. Resident arrays make one pass.",
  );
  lines.push("");
  lines.push(
    "| op | N | copy | ours | ours res | tfjs-wasm op | ours/copy | res/copy | res/tfjs-wasm op | e2e: ≥ 0.5× copy | resident: ≥ 0.5× copy | resident: ≥ 1× tfjs-wasm op |",
  );
  lines.push("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|");
  for (const r of rows) {
    const h = r.hot;
    if (h === undefined) {
      continue;
    }
    lines.push(
      `| ${r.op.label} | 2^${Math.log2(r.n)} | ${fmt(h.copy)} | ${fmt(h.ours)} | ${fmt(h.oursRes)} | ${fmt(h.tfWasmOp)} | ` +
        `${ratio(h.ours, h.copy)} | ${ratio(h.oursRes, h.copy)} | ${ratio(h.oursRes, h.tfWasmOp)} | ` +
        `${yes(h.ours >= 0.5 * h.copy)} | ${yes(h.oursRes >= 0.5 * h.copy)} | ${beats(h.oursRes, h.tfWasmOp, h.copy)} |`,
    );
  }
  lines.push("");
  return lines.join("\n");
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
