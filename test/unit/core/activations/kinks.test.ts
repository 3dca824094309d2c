/**
 * torch's choices at kinks and edges, the sign of zero and non-finite inputs, as exact values (see
 * /work/shared/notes/torch-reference.md; measured on torch 1.13). Where we follow torch 2.x instead, the 1.13
 * value is given in the comment.
 */
import assert from "node:assert/strict";
import { applyVector, derivative, evaluate, listActivations } from "../../../../src/core/activations";
import type { Params } from "../../../../src/core/types";
import { same, show } from "./fixtures";

type Row = [id: string, x: number, expected: number, params?: Params];

const LAMBDA_ALPHA = 1.0507009873554805 * 1.6732632423543772; // selu's λα in float64, as torch rounds it

const DERIVATIVES_AT_KINKS: Row[] = [
  ["relu", 0, 0],
  ["relu", -0, 0],
  ["relu6", 0, 0],
  ["relu6", 6, 0],
  ["leaky_relu", 0, 0.01],
  ["leaky_relu", 0, 0.2, { negative_slope: 0.2 }],
  ["prelu", 0, 0.25],
  ["rrelu", 0, 11 / 48],
  ["elu", 0, 1], // alpha, the left side
  ["elu", 0, 0.5, { alpha: 0.5 }],
  ["selu", 0, LAMBDA_ALPHA], // ≈ 1.7581, the left side
  ["celu", 0, 1],
  ["celu", 0, 1, { alpha: 2 }],
  ["hardtanh", -1, 0],
  ["hardtanh", 1, 0],
  ["hardtanh", -2, 0, { min_val: -2, max_val: 2 }],
  ["hardsigmoid", -3, 0],
  ["hardsigmoid", 3, 0],
  ["hardswish", -3, 0], // torch 2.x; torch 1.13 gives −0.5
  ["hardswish", 3, 1], // torch 2.x and 1.13's vectorised path; 1.13's one-element path gives 1.5
  ["softshrink", -0.5, 0],
  ["softshrink", 0.5, 0],
  ["hardshrink", -0.5, 0],
  ["hardshrink", 0.5, 0],
  ["threshold", 0, 0],
  ["threshold", 1.5, 0, { threshold: 1.5, value: -2 }],
  ["softplus", 20, 0.9999999979388464], // σ(20): βx > threshold is strict, so 20 is still on the smooth side
  ["softplus", 20.000000000000004, 1],
  ["softsign", 0, 1],
];

const VALUES_AT_EDGES: Row[] = [
  ["hardshrink", -0.5, 0],
  ["hardshrink", 0.5, 0],
  ["hardshrink", 0.5000000000000001, 0.5000000000000001],
  ["softshrink", 0.5, 0],
  ["threshold", 0, 0],
  ["threshold", 1.5, -2, { threshold: 1.5, value: -2 }],
  ["threshold", 1.5000000000000002, 1.5000000000000002, { threshold: 1.5, value: -2 }],
  ["softplus", 20, 20.000000002061153],
  ["softplus", 20.000000000000004, 20.000000000000004],
  ["relu6", 6, 6],
  ["relu6", Infinity, 6],
  ["hardtanh", 5, 1],
  ["hardsigmoid", -3, 0],
  ["hardsigmoid", 0, 0.5],
  ["hardswish", -1.5, -0.375],
  ["hardswish", 1e308, 1e308], // torch: x·6/6 overflows to ∞
  ["rrelu", -48, -11],
  ["gelu", 0, 0],
  ["sigmoid", 0, 0.5],
  ["logsigmoid", 0, -Math.LN2],
  ["softplus", 0, Math.LN2],
];

/** f(−0) as torch gives it: −0 passes through, ±0-valued formulas give +0. */
const SIGN_OF_ZERO: Row[] = [
  ...["relu", "leaky_relu", "prelu", "rrelu", "gelu", "silu", "mish", "tanh", "softsign", "hardtanh", "hardswish",
    "relu6", "identity"].map((id): Row => [id, -0, -0]),
  ["gelu", -0, -0, { approximate: "tanh" }],
  ...["softshrink", "hardshrink", "tanhshrink", "threshold"].map((id): Row => [id, -0, 0]),
  // torch 2.x (expm1): −0; torch 1.13's exp(x) − 1 gives +0
  ...["elu", "selu", "celu"].map((id): Row => [id, -0, -0]),
  ["relu", -1e-300, 0],
  ["hardswish", -20, -0],
  ["tanhshrink", -1e-300, 0],
];

const NON_FINITE: Row[] = [
  ["relu", NaN, NaN],
  ["relu", -Infinity, 0],
  ["gelu", -Infinity, NaN],
  ["gelu", Infinity, Infinity],
  ["gelu", -Infinity, NaN, { approximate: "tanh" }],
  ["silu", -Infinity, NaN],
  ["mish", -Infinity, NaN],
  ["softsign", Infinity, NaN],
  ["softsign", -Infinity, NaN],
  ["hardswish", -Infinity, NaN],
  ["elu", -Infinity, -1],
  ["selu", -Infinity, -LAMBDA_ALPHA],
  ["sigmoid", -Infinity, 0],
  ["logsigmoid", -Infinity, -Infinity],
  ["logsigmoid", Infinity, 0],
  ["tanhshrink", Infinity, Infinity],
  ["softshrink", NaN, NaN], // torch 1.13 returns 0
  ["leaky_relu", -Infinity, NaN, { negative_slope: 0 }], // −∞·0, as torch
];

const NON_FINITE_DERIVATIVES: Row[] = [
  ["relu", Infinity, 1],
  ["relu", -Infinity, 0],
  ["gelu", Infinity, NaN], // torch: ∞·φ(∞) = ∞·0
  ["gelu", -Infinity, NaN],
  ["silu", Infinity, NaN],
  ["mish", Infinity, NaN],
  ["softsign", Infinity, NaN],
  ["sigmoid", Infinity, 0],
  ["tanh", -Infinity, 0],
  ["elu", -Infinity, 0],
  ["softplus", -Infinity, 0],
  ["softplus", Infinity, 1],
  ["logsigmoid", -Infinity, 1],
  ["hardswish", -Infinity, 0],
];

function table(title: string, rows: Row[], fn: typeof evaluate): void {
  describe(title, () => {
    for (const [id, x, expected, params] of rows) {
      const p = params === undefined ? "" : ` ${JSON.stringify(params)}`;
      it(`${id}${p} at ${show(x)} is ${show(expected)}`, () => {
        const got = fn(id, x, params);
        assert.ok(same(got, expected), `${id}(${show(x)}) = ${show(got)}, expected ${show(expected)}`);
      });
    }
  });
}

describe("activations: torch's conventions at kinks and edges", () => {
  table("f′ at kinks (torch autograd's side)", DERIVATIVES_AT_KINKS, derivative);
  table("f at edges", VALUES_AT_EDGES, evaluate);
  table("sign of zero", SIGN_OF_ZERO, evaluate);
  table("non-finite inputs", NON_FINITE, evaluate);
  table("f′ at non-finite inputs", NON_FINITE_DERIVATIVES, derivative);

  it("hardsigmoid′ is exactly 1/6 inside (−3, 3) (torch: 0.1666666716337204, a float32 1/6)", () => {
    for (const x of [-2.999, -1, 0, 0.5, 2.999]) {
      assert.equal(derivative("hardsigmoid", x), 1 / 6);
    }
  });

  it("propagates NaN through every elementwise f and f′", () => {
    for (const spec of listActivations().filter((s) => s.kind === "elementwise")) {
      assert.ok(Number.isNaN(evaluate(spec.id, NaN)), `${spec.id}(NaN)`);
      assert.ok(Number.isNaN(derivative(spec.id, NaN)), `${spec.id}′(NaN)`);
    }
  });

  it("gives all-NaN softmax / log_softmax rows for +∞, all −∞ or NaN, and 0 / −∞ for single −∞ entries", () => {
    const rows = Float64Array.from([1, Infinity, 2, 0, -Infinity, -Infinity, -Infinity, -Infinity, 1, NaN, 2, 0]);
    for (const id of ["softmax", "log_softmax"]) {
      const y = applyVector(id, rows, { rows: 3 });
      assert.ok(y.every((v) => Number.isNaN(v)), id);
    }
    const partial = Float64Array.from([1, -Infinity]);
    assert.deepEqual([...applyVector("softmax", partial)], [1, 0]);
    assert.deepEqual([...applyVector("log_softmax", partial)], [0, -Infinity]);
  });
});
