/**
 * Exhaustive accuracy check of the float32 kernels (not part of the unit suite: minutes, not seconds).
 * Runs `applyActivation` on EVERY float32 bit pattern (or every `stride`-th) and reports the largest ulp
 * distance from the float64 registry scalar rounded to float32, and a histogram.
 *
 *   node --import tsx test/unit/core/kernels/exhaustive-check.ts [stride] [id[:json-params] ...]
 */
import { getDefinition, resolveParams } from "../../../../src/core/activations/registry";
import { applyActivation } from "../../../../src/core/kernels/index";
import type { Params } from "../../../../src/core/types";
import { ulpDistance } from "./ulp";

const stride = Number(process.argv[2] ?? 1);
const cases: [string, Params | undefined][] = (
  process.argv.length > 3
    ? process.argv.slice(3)
    : ["relu", "leaky_relu", "relu6", "hardtanh", "sigmoid", "tanh", "elu", 'elu:{"alpha":0.7}', "silu", "gelu", 'gelu:{"approximate":"tanh"}']
).map((s) => {
  const i = s.indexOf(":");
  return i < 0 ? [s, undefined] : [s.slice(0, i), JSON.parse(s.slice(i + 1)) as Params];
});

const B = 1 << 16;
const xs = new Float32Array(B);
const xb = new Uint32Array(xs.buffer);
const ys = new Float32Array(B);
for (const [id, params] of cases) {
  const f = getDefinition(id)!.f!;
  const p = resolveParams(id, params);
  const hist = [0, 0, 0, 0];
  let worst = 0;
  let worstX = NaN;
  const t0 = Date.now();
  for (let base = 0; base < 2 ** 32; base += B * stride) {
    for (let i = 0; i < B; i++) {
      xb[i] = (base + i * stride) >>> 0;
    }
    applyActivation(id, xs, params, ys);
    for (let i = 0; i < B; i++) {
      const d = ulpDistance(ys[i], Math.fround(f(xs[i], p)));
      hist[Math.min(d, 3)]++;
      if (d > worst) {
        worst = d;
        worstX = xs[i];
      }
    }
  }
  console.log(
    `${id}${params ? " " + JSON.stringify(params) : ""}: max ${worst} ulp` +
      (worst > 0 ? ` (at x = ${worstX})` : "") +
      `; histogram 0/1/2/≥3 ulp: ${hist.join(" / ")}; ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
}
