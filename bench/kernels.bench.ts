/**
 * Benchmark of the array kernels (src/core/kernels) against the memory copy, a naive Array.prototype.map loop
 * and TensorFlow.js (tfjs-core 4.x with the cpu and the wasm backend), all measured in the same run.
 *
 *   node --import tsx bench/kernels.bench.ts [--quick]
 *
 * Inputs: N float32 values drawn from N(0, 1) (seeded), N = 2^20 and 2^24 (--quick: 2^16 and 2^18).
 * Each figure is the median of several timed runs after warm-up, in Melem/s (million elements per second).
 *
 * Columns
 * - ours: `applyActivation` on a plain Float32Array into a preallocated plain out array (WebAssembly SIMD where
 *   it applies: each 4096-float chunk is copied into the kernels' memory and back); ours JS:
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

/** Median time (ms) of `runs` calls after `warm` untimed ones; `setup` (untimed) runs before each call. */
function medianMs(fn: () => void, runs: number, warm: number, setup?: () => void): number {
  for (let i = 0; i < warm; i++) {
    setup?.();
    fn();
  }
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    setup?.();
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)];
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
}

async function main(): Promise<void> {
  const { wasmInfo } = await setupTfjs();
  const load0 = loadAverage();
  const rows: Row[] = [];
  for (const n of SIZES) {
    const runs = quick ? 3 : n >= 1 << 24 ? 5 : 9;
    const warm = quick ? 1 : 2;
    const x = normals(n);
    const out = new Float32Array(n);
    const melem = (ms: number): number => n / ms / 1e3;
    const copy = melem(medianMs(() => out.set(x), runs * 2, warm));
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
      const ours = melem(medianMs(() => applyActivation(op.id, x, op.params, out), runs, warm));
      const oursRes = melem(medianMs(() => applyActivationResident(op.id, rx, op.params, ry), runs, warm));
      const oursResInPlace = melem(
        medianMs(
          () => applyActivationResident(op.id, rx, op.params, rx),
          runs,
          warm,
          () => rx.array.set(x),
        ),
      );
      rx.array.set(x);
      const oursJs = melem(medianMs(() => applyActivationWith("js", op.id, x, op.params, out), runs, warm));
      const naive = melem(
        medianMs(
          () => (op.id === "relu" ? plain.map((v) => Math.max(0, v)) : plain.map((v) => f(v, p))),
          Math.min(runs, 5),
          1,
        ),
      );
      const tfTimes: number[] = [];
      for (const backend of ["wasm", "cpu"]) {
        await tf.setBackend(backend);
        const t = tf.tensor1d(x);
        tfTimes.push(melem(medianMs(() => op.tfjs(t).dispose(), runs, warm)));
        tfTimes.push(
          melem(
            medianMs(
              () => {
                const ti = tf.tensor1d(x);
                const y = op.tfjs(ti);
                y.dataSync();
                y.dispose();
                ti.dispose();
              },
              runs,
              warm,
            ),
          ),
        );
        t.dispose();
      }
      const row: Row = {
        op,
        n,
        ours,
        oursRes,
        oursResInPlace,
        oursJs,
        copy,
        naive,
        tfWasmOp: tfTimes[0],
        tfWasmE2e: tfTimes[1],
        tfCpuOp: tfTimes[2],
        tfCpuE2e: tfTimes[3],
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

function render(rows: readonly Row[], wasmInfo: string, load: string): string {
  const lines: string[] = [];
  lines.push(`# Array kernels benchmark${quick ? " (--quick)" : ""}`);
  lines.push("");
  lines.push(
    `Node ${process.version}, ${process.arch}, ${os.cpus().length} cores; load average (1/5/15 min) ${load}; ` +
      `our WebAssembly SIMD kernels: ${wasmKernelsAvailable() ? "on" : "off"}; ${wasmInfo}. ` +
      `Float32 inputs from N(0, 1); Melem/s (median of runs after warm-up); higher is better.`,
  );
  lines.push("");
  lines.push(
    "Two footings, judged separately. **Resident**: data already in the library's own memory — ours res = " +
      "`applyActivationResident` with input and out resident in our WebAssembly memory (in-place: out = input), " +
      "tfjs op = the op on a tensor resident in its backend (result disposed). **End to end**: plain Float32Array " +
      "in, Float32Array out — ours = `applyActivation` (copies each 4096-float chunk into our memory and back), " +
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
      "The copy bound applies to both footings.",
  );
  lines.push("");
  lines.push(
    "| op | N | resident: ≥ 0.5× copy | resident: ≥ 1× tfjs-wasm op | resident: ≥ 5× tfjs-cpu op | e2e: ≥ 0.5× copy | e2e: ≥ 1× tfjs-wasm e2e | e2e: ≥ 5× tfjs-cpu e2e |",
  );
  lines.push("|---|---|---|---|---|---|---|---|");
  const yes = (b: boolean): string => (b ? "yes" : "**no**");
  for (const r of rows) {
    const linear = r.op.kind === "linear";
    const hasOp = r.op.composite !== true;
    const cpu = (a: number, b: number): string => (linear ? "–" : yes(a >= 5 * b));
    lines.push(
      `| ${r.op.label} | 2^${Math.log2(r.n)} | ${linear ? yes(r.oursRes >= 0.5 * r.copy) : "–"} | ` +
        `${hasOp ? yes(r.oursRes >= r.tfWasmOp) : "– (no op)"} | ${cpu(r.oursRes, r.tfCpuOp)} | ` +
        `${linear ? yes(r.ours >= 0.5 * r.copy) : "–"} | ${hasOp ? yes(r.ours >= r.tfWasmE2e) : "– (no op)"} | ` +
        `${cpu(r.ours, r.tfCpuE2e)} |`,
    );
  }
  lines.push("");
  return lines.join("\n");
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
