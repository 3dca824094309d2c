import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { applyVector } from "../../../../src/core/activations/index";
import {
  ActivationParamError,
  DEFINITIONS,
  resolveParams,
  UnknownActivationError,
} from "../../../../src/core/activations/registry";
import {
  applyActivation,
  applyActivationWith,
  applyDerivative,
  wasmKernelsAvailable,
  type KernelArray,
} from "../../../../src/core/kernels/index";
import { WASM_CHUNK } from "../../../../src/core/kernels/wasm-runtime";
import type { Params } from "../../../../src/core/types";
import { elementwiseCases } from "../activations/fixtures";
import { denseInputs, sweepInputs, ulpDistance } from "./ulp";

const ELEMENTWISE = DEFINITIONS.filter((d) => d.spec.kind === "elementwise");

/** Parameter sets beyond the defaults, for the activations with array fast paths or interesting params. */
const EXTRA_PARAMS: Readonly<Record<string, readonly Params[]>> = {
  leaky_relu: [{ negative_slope: 0.2 }, { negative_slope: -0.5 }, { negative_slope: 1e-30 }],
  hardtanh: [{ min_val: -2, max_val: 3 }, { min_val: 0.1, max_val: 0.7 }],
  elu: [{ alpha: 0.5 }, { alpha: 1.7 }],
  gelu: [{ approximate: "tanh" }],
  celu: [{ alpha: 0.3 }],
  softplus: [{ beta: 2, threshold: 5 }],
};

const DENSE = denseInputs(1 << 15); // ≈ 155 000 float32 values (every 2^15-th pattern, a grid on [−12, 12], specials)
/**
 * float64 inputs: the float32 set plus every input of the torch reference fixtures (float64 subnormals, ±710,
 * ±1e308, full float64 mantissas), which the specialised float64 loops must also match bit for bit.
 */
const DENSE64 = Float64Array.from([...DENSE, ...new Set(elementwiseCases().flatMap((c) => c.x))]);

function show(v: number): string {
  return Object.is(v, -0) ? "-0" : String(v);
}

/** First index where got ≠ want bit for bit as numbers (NaN = NaN, +0 ≠ −0), or −1. */
function firstMismatch(got: Float64Array, want: (x: number) => number, xs: Float64Array): number {
  for (let i = 0; i < xs.length; i++) {
    if (!Object.is(got[i], want(xs[i]))) {
      return i;
    }
  }
  return -1;
}

/** Largest ulp distance of got[i] from fround(want(x[i])), and where. */
function maxUlp(got: Float32Array, want: (x: number) => number, xs: Float32Array): { ulp: number; x: number } {
  let worst = { ulp: 0, x: NaN };
  for (let i = 0; i < xs.length; i++) {
    const d = ulpDistance(got[i], Math.fround(want(xs[i])));
    if (d > worst.ulp) {
      worst = { ulp: d, x: xs[i] };
    }
  }
  return worst;
}

describe("core/kernels: applyActivation / applyDerivative", () => {
  it("has the WebAssembly SIMD kernels available under Node (so their path is what these tests check)", () => {
    assert.equal(wasmKernelsAvailable(), true);
  });

  for (const def of ELEMENTWISE) {
    const id = def.spec.id;
    for (const params of [undefined, ...(EXTRA_PARAMS[id] ?? [])]) {
      const label = `${id}${params === undefined ? "" : " " + JSON.stringify(params)}`;
      const p = resolveParams(id, params);
      const f = (x: number): number => def.f!(x, p);
      const df = (x: number): number => def.df!(x, p);

      it(`${label}: float64 f and f′ are bit-identical to the scalar on dense inputs`, () => {
        const y = applyActivation(id, DENSE64, params);
        const i = firstMismatch(y, f, DENSE64);
        assert.equal(i, -1, i < 0 ? "" : `f(${show(DENSE64[i])}) = ${show(y[i])}, scalar ${show(f(DENSE64[i]))}`);
        const dy = applyDerivative(id, DENSE64, params);
        const j = firstMismatch(dy, df, DENSE64);
        assert.equal(j, -1, j < 0 ? "" : `f′(${show(DENSE64[j])}) = ${show(dy[j])}, scalar ${show(df(DENSE64[j]))}`);
      });

      it(`${label}: float32 f and f′ are within 2 ulp of the rounded scalar (JS path: 0 ulp)`, () => {
        const y = applyActivation(id, DENSE, params);
        const w = maxUlp(y, f, DENSE);
        assert.ok(w.ulp <= 2, `f: ${w.ulp} ulp at x = ${show(w.x)}`);
        const yj = applyActivationWith("js", id, DENSE, params);
        const wj = maxUlp(yj, f, DENSE);
        assert.equal(wj.ulp, 0, `JS path f: ${wj.ulp} ulp at x = ${show(wj.x)}`);
        const dy = applyDerivative(id, DENSE, params);
        const wd = maxUlp(dy, df, DENSE);
        assert.ok(wd.ulp <= 2, `f′: ${wd.ulp} ulp at x = ${show(wd.x)}`);
      });
    }
  }

  // Denser sweeps where the WebAssembly kernels compute transcendental functions in float32.
  const SWEEPS: readonly [string, Params | undefined][] = [
    ["sigmoid", undefined],
    ["silu", undefined],
    ["tanh", undefined],
    ["elu", undefined],
    ["elu", { alpha: 0.7 }],
    ["leaky_relu", undefined],
    ["gelu", undefined],
    ["gelu", { approximate: "tanh" }],
  ];
  const SWEEP = sweepInputs(130, 1531); // every 1531st float32 with |x| < 130: ≈ 1.5 million values
  for (const [id, params] of SWEEPS) {
    it(`${id}${params ? " " + JSON.stringify(params) : ""}: float32 within 2 ulp on every 1531st float32 in (−130, 130)`, () => {
      const def = DEFINITIONS.find((d) => d.spec.id === id)!;
      const p = resolveParams(id, params);
      const y = applyActivation(id, SWEEP, params);
      const w = maxUlp(y, (x) => def.f!(x, p), SWEEP);
      assert.ok(w.ulp <= 2, `${w.ulp} ulp at x = ${show(w.x)}`);
    });
  }

  it("keeps the sign of zero as the scalar does on the float32 fast paths", () => {
    const xs = Float32Array.of(-0, 0);
    for (const def of ELEMENTWISE) {
      const p = resolveParams(def.spec.id);
      const y = applyActivation(def.spec.id, xs);
      for (let i = 0; i < xs.length; i++) {
        const want = Math.fround(def.f!(xs[i], p));
        assert.ok(Object.is(y[i], want), `${def.spec.id}(${show(xs[i])}) = ${show(y[i])}, scalar ${show(want)}`);
      }
    }
  });

  for (const [id, params] of [["relu", undefined], ["leaky_relu", { negative_slope: 0.1 }], ["hardtanh", undefined], ["relu6", undefined], ["sigmoid", undefined], ["silu", undefined], ["tanh", undefined], ["elu", undefined], ["gelu", undefined], ["softplus", undefined]] as const) {
    it(`${id}: works in place (out = input) for float32 and float64, across chunk boundaries and odd lengths`, () => {
      for (const n of [1, 3, 5, WASM_CHUNK - 1, WASM_CHUNK + 7, 3 * WASM_CHUNK + 2]) {
        for (const Ctor of [Float32Array, Float64Array]) {
          const x = new Ctor(n);
          for (let i = 0; i < n; i++) {
            x[i] = Math.sin(i * 12.9898) * 8;
          }
          const expected = applyActivation(id, x, params);
          const again = applyActivation(id, x, params);
          assert.deepEqual(again, expected);
          const same = applyActivation(id, x, params, x as KernelArray);
          assert.equal(same, x);
          assert.deepEqual(x, expected);
          const d = applyDerivative(id, expected, params);
          assert.deepEqual(applyDerivative(id, expected, params, expected), d);
        }
      }
    });
  }

  it("writes into a given out array and returns it", () => {
    const x = Float32Array.of(-1, 2, -3, 4, -5);
    const out = new Float32Array(5).fill(7);
    assert.equal(applyActivation("relu", x, undefined, out), out);
    assert.deepEqual(Array.from(out), [0, 2, 0, 4, 0]);
  });

  it("propagates parameter errors and unknown names", () => {
    const x = Float64Array.of(1, 2);
    assert.throws(() => applyActivation("leaky_relu", x, { negative_slope: "a" }), ActivationParamError);
    assert.throws(() => applyActivation("hardtanh", x, { min_val: 2, max_val: 1 }), ActivationParamError);
    assert.throws(() => applyActivation("relu", x, { bogus: 1 }), ActivationParamError);
    assert.throws(() => applyDerivative("elu", x, { alpha: NaN }), ActivationParamError);
    assert.throws(() => applyActivation("no_such_activation", x), UnknownActivationError);
    assert.throws(() => applyDerivative("no_such_activation", x), UnknownActivationError);
  });

  it("throws on a length or type mismatch of out, and on non-float arrays", () => {
    assert.throws(() => applyActivation("relu", new Float32Array(4), undefined, new Float32Array(3)), RangeError);
    assert.throws(() => applyDerivative("relu", new Float64Array(4), undefined, new Float64Array(5)), RangeError);
    assert.throws(
      () => applyActivation("relu", new Float32Array(4), undefined, new Float64Array(4) as unknown as Float32Array),
      TypeError,
    );
    assert.throws(() => applyActivation("relu", [1, 2] as unknown as Float64Array), TypeError);
  });

  it("resolves aliases (Keras/JAX spellings) to the same kernels", () => {
    const x = Float32Array.of(-2, -0.5, 0.5, 2);
    assert.deepEqual(applyActivation("LeakyReLU", x), applyActivation("leaky_relu", x));
    assert.deepEqual(applyActivation("nn.SiLU", x), applyActivation("silu", x));
  });

  it("delegates vector activations to applyVector, and their derivative to the all-ones JVP", () => {
    const x = Float64Array.of(1, 2, 3, -1, 0, 1);
    assert.deepEqual(applyActivation("softmax", x, { rows: 2 }), applyVector("softmax", x, { rows: 2 }));
    const d = applyDerivative("softmax", x, { rows: 2 });
    for (const v of d) {
      assert.ok(Math.abs(v) < 1e-15); // softmax ignores a shift of the whole row
    }
    const g = applyDerivative("log_softmax", x, { rows: 2 });
    assert.equal(g.length, 6);
  });

  it("has its generated WebAssembly module in sync with kernels.wat", () => {
    const root = path.resolve(__dirname, "../../../..");
    execFileSync(process.execPath, [path.join(root, "scripts/build-wasm.mjs"), "--check"], { stdio: "pipe" });
  });
});
