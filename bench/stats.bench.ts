/**
 * Benchmark of `layerStats` (src/core/stats) — what the heatmap computes for a layer: post-activations,
 * summaries, sparsity, dead units and the saturated fraction (|f′| < ε, ε = 1e−3) — measured in the same run:
 *
 *   node --import tsx bench/stats.bench.ts [--quick]
 *
 * Input: 1000 × 1000 float64 values from N(0, 1.5²) (seeded; --quick: 200 × 200).
 * Columns, each the median of interleaved runs after warm-up:
 * - layerStats: as shipped — saturation decided by `derivativeBelow` (the plain float64 `dfQuick` where the
 *   registry has one, the exact `df` only within its error bound of ε);
 * - exact-df baseline: the same statistics deciding |df(x)| < ε on the exact derivative for every value (what
 *   layerStats did before `dfQuick`), to show what the quick path saves;
 * - relu: layerStats of relu on the same data, the cheapest activation, as a yardstick.
 * Both saturation columns count the same values (checked here: the run fails otherwise).
 * Writes the table to bench/results/stats.md (--quick: to bench/.tmp/stats.quick.md, git-ignored).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRng, fillNormal } from "../src/core/explain/random";
import { scalarActivation } from "../src/core/stats/activation";
import { layerStats, layerStatsOf } from "../src/core/stats/layer";
import type { Params } from "../src/core/types";

const quick = process.argv.includes("--quick");
const SIDE = quick ? 200 : 1000;
const RUNS = quick ? 3 : 9;
const EPS = 1e-3;

const CASES: readonly { label: string; id: string; params?: Params }[] = [
  { label: "gelu", id: "gelu" },
  { label: "gelu(tanh)", id: "gelu", params: { approximate: "tanh" } },
  { label: "silu", id: "silu" },
  { label: "mish", id: "mish" },
  { label: "sigmoid", id: "sigmoid" },
];

function interleavedMedians(fns: readonly (() => void)[], runs: number): number[] {
  const ts = fns.map((): number[] => []);
  for (let r = 0; r < runs + 1; r++) {
    fns.forEach((fn, j) => {
      const t0 = performance.now();
      fn();
      const dt = performance.now() - t0;
      if (r > 0) {
        ts[j].push(dt);
      }
    });
  }
  return ts.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

function main(): void {
  const n = SIDE * SIDE;
  const x = fillNormal(new Float64Array(n), createRng(20261123), 0, 1.5);
  const lines: string[] = [
    `## layerStats — ${SIDE}×${SIDE} float64 values from N(0, 1.5²), saturation ε = ${EPS}`,
    "",
    `Median of ${RUNS} interleaved runs after warm-up (ms, lower is better); node ${process.version}; ` +
      `${os.cpus().length} cores, load average ${os.loadavg().map((v) => v.toFixed(1)).join(" ")} at the end; ` +
      `${new Date().toISOString().slice(0, 10)}. Exact-df baseline: |df(x)| < ε on the exact derivative for every ` +
      "value (layerStats before the quick derivative); relu: the cheapest activation on the same data.",
    "",
    "| activation | layerStats ms | exact-df baseline ms | speed-up | relu ms | layerStats / relu | saturated |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const c of CASES) {
    const act = scalarActivation(c.id, c.params);
    const exact = { ...act, derivativeBelow: (v: number, eps: number) => Math.abs(act.df(v)) < eps };
    let sat = NaN;
    let satExact = NaN;
    const [shipped, baseline, relu] = interleavedMedians(
      [
        () => (sat = layerStats(x, SIDE, SIDE, c.id, c.params, { saturationEps: EPS }).saturatedFraction),
        () => (satExact = layerStatsOf(x, SIDE, SIDE, exact, { saturationEps: EPS }).saturatedFraction),
        () => layerStats(x, SIDE, SIDE, "relu"),
      ],
      RUNS,
    );
    if (sat !== satExact) {
      throw new Error(`${c.label}: saturated fraction ${sat} differs from the exact-df baseline's ${satExact}`);
    }
    lines.push(
      `| ${c.label} | ${shipped.toFixed(0)} | ${baseline.toFixed(0)} | ${(baseline / shipped).toFixed(2)}× | ` +
        `${relu.toFixed(0)} | ${(shipped / relu).toFixed(2)}× | ${(100 * sat).toFixed(2)} % |`,
    );
    process.stderr.write(`${c.label}: ${shipped.toFixed(0)} ms (exact-df ${baseline.toFixed(0)} ms)\n`);
  }
  lines.push("");
  const md = lines.join("\n");
  console.log(md);
  const dir = path.join(__dirname, quick ? ".tmp" : "results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, quick ? "stats.quick.md" : "stats.md"), md);
}

main();
