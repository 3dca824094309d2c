/**
 * Real-looking files in test/fixtures/detect: every activation the detector must find (with id, dialect, params,
 * span), and nothing else — so the negatives in each file are checked too.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findActivations } from "../../../../src/core/detect";
import type { DetectedActivation } from "../../../../src/core/detect";
import type { Dialect, Params } from "../../../../src/core/types";

const FIXTURES = join(__dirname, "..", "..", "..", "fixtures", "detect");

interface Expected {
  /** Unique text in the file that contains the span. */
  readonly find: string;
  /** The span inside `find` (default: all of it). */
  readonly span?: string;
  readonly id: string;
  readonly dialect: Dialect;
  readonly params: Params;
  readonly kind: DetectedActivation["kind"];
  readonly explicit?: readonly string[];
  readonly unresolved?: readonly string[];
  readonly variant?: string;
}

function locate(text: string, find: string, span = find): [number, number] {
  const at = text.indexOf(find);
  assert.ok(at >= 0, `fixture lacks ${JSON.stringify(find)}`);
  assert.equal(text.indexOf(find, at + 1), -1, `${JSON.stringify(find)} is not unique in the fixture`);
  const inner = find.indexOf(span);
  assert.ok(inner >= 0, `${JSON.stringify(span)} not inside ${JSON.stringify(find)}`);
  return [at + inner, at + inner + span.length];
}

function checkFile(file: string, languageId: string, expected: readonly Expected[]): void {
  const text = readFileSync(join(FIXTURES, file), "utf8");
  const found = findActivations(text, languageId);
  const want = expected.map((e) => {
    const [start, end] = locate(text, e.find, e.span);
    return {
      text: text.slice(start, end),
      id: e.id,
      dialect: e.dialect,
      params: e.params,
      kind: e.kind,
      start,
      end,
      explicit: e.explicit ?? [],
      unresolved: e.unresolved ?? [],
      variant: e.variant,
    };
  });
  const got = found.map((d) => ({
    text: text.slice(d.start, d.end),
    id: d.id,
    dialect: d.dialect,
    params: d.params,
    kind: d.kind,
    start: d.start,
    end: d.end,
    explicit: [...d.explicit],
    unresolved: [...d.unresolved],
    variant: d.variant,
  }));
  assert.deepEqual(got, want.sort((a, b) => a.start - b.start));
}

const T = "torch" as const;

describe("detect: PyTorch ResNet block (resnet_block.py)", () => {
  it("finds every activation with its params and span, and nothing in docstrings, comments or attribute calls", () => {
    checkFile("resnet_block.py", "python", [
      { find: "nn.ReLU(inplace=True)", id: "relu", dialect: T, params: {}, kind: "layer" },
      { find: "nn.LeakyReLU(negative_slope=0.2, inplace=True)", id: "leaky_relu", dialect: T, params: { negative_slope: 0.2 }, kind: "layer", explicit: ["negative_slope"] },
      { find: "nn.LeakyReLU(0.2)", id: "leaky_relu", dialect: T, params: { negative_slope: 0.2 }, kind: "layer", explicit: ["negative_slope"] },
      { find: "nn.LeakyReLU(slope)", id: "leaky_relu", dialect: T, params: {}, kind: "layer", unresolved: ["negative_slope"] },
      { find: "nn.PReLU(init=0.1)", id: "prelu", dialect: T, params: { weight: 0.1 }, kind: "layer", explicit: ["weight"] },
      { find: "nn.Softplus(beta=2, threshold=10)", id: "softplus", dialect: T, params: { beta: 2, threshold: 10 }, kind: "layer", explicit: ["beta", "threshold"] },
      { find: "nn.Hardtanh(-2, 2)", id: "hardtanh", dialect: T, params: { min_val: -2, max_val: 2 }, kind: "layer", explicit: ["min_val", "max_val"] },
      { find: "nn.Threshold(0.1, 20)", id: "threshold", dialect: T, params: { threshold: 0.1, value: 20 }, kind: "layer", explicit: ["threshold", "value"] },
      { find: "nn.RReLU()", id: "rrelu", dialect: T, params: { lower: 0.125, upper: 1 / 3, training: false }, kind: "layer" },
      { find: "nn.GELU('tanh')", id: "gelu", dialect: T, params: { approximate: "tanh" }, kind: "layer", explicit: ["approximate"] },
      { find: "nn.SiLU()", id: "silu", dialect: T, params: {}, kind: "layer" },
      { find: "nn.Softmax(dim=1)", id: "softmax", dialect: T, params: {}, kind: "layer" },
      { find: 'activation="gelu"', span: '"gelu"', id: "gelu", dialect: T, params: { approximate: "none" }, kind: "string" },
      { find: 'F.gelu(out, approximate="tanh")', id: "gelu", dialect: T, params: { approximate: "tanh" }, kind: "function", explicit: ["approximate"] },
      { find: "torch.nn.functional.elu(out, alpha=0.5)", id: "elu", dialect: T, params: { alpha: 0.5 }, kind: "function", explicit: ["alpha"] },
      { find: "torch.tanh(out)", id: "tanh", dialect: T, params: {}, kind: "function" },
      { find: "F.silu(out)", id: "silu", dialect: T, params: {}, kind: "function" },
      { find: "torch.relu_(out)", id: "relu", dialect: T, params: {}, kind: "function" },
      { find: "act_layer=nn.ReLU)", span: "nn.ReLU", id: "relu", dialect: T, params: {}, kind: "layer" },
      { find: "gate = torch.sigmoid", span: "torch.sigmoid", id: "sigmoid", dialect: T, params: {}, kind: "function" },
      { find: "x.relu()", id: "relu", dialect: T, params: {}, kind: "method" },
      { find: "y.softmax(dim=-1)", id: "softmax", dialect: T, params: {}, kind: "method" },
      { find: "partial(F.leaky_relu, negative_slope=0.2)", id: "leaky_relu", dialect: T, params: { negative_slope: 0.2 }, kind: "function", explicit: ["negative_slope"] },
    ]);
  });
});

describe("detect: Keras 2 model (keras2_model.py)", () => {
  const K = "keras2" as const;
  it("reads tf.keras as Keras 2: alpha, 0.3, swish, 0.2x+0.5 hard sigmoid", () => {
    checkFile("keras2_model.py", "python", [
      { find: "activation='relu'", span: "'relu'", id: "relu", dialect: K, params: {}, kind: "string" },
      { find: "layers.LeakyReLU(alpha=0.3)", id: "leaky_relu", dialect: K, params: { negative_slope: 0.3 }, kind: "layer", explicit: ["negative_slope"] },
      { find: "layers.LeakyReLU()", id: "leaky_relu", dialect: K, params: { negative_slope: 0.3 }, kind: "layer" },
      { find: "layers.ReLU(max_value=6)", id: "relu6", dialect: K, params: {}, kind: "layer" },
      { find: "tf.keras.layers.ELU(alpha=0.5)", id: "elu", dialect: K, params: { alpha: 0.5 }, kind: "layer", explicit: ["alpha"] },
      { find: "activation=tf.nn.relu", span: "tf.nn.relu", id: "relu", dialect: "tf", params: {}, kind: "function" },
      { find: 'activation="swish"', span: '"swish"', id: "silu", dialect: K, params: {}, kind: "string" },
      { find: '"hard_sigmoid"', id: "hardsigmoid", dialect: K, params: {}, kind: "string", variant: "hard_sigmoid_0.2" },
      { find: "layers.Activation('gelu')", id: "gelu", dialect: K, params: { approximate: "none" }, kind: "string" },
      { find: "recurrent_activation='sigmoid'", span: "'sigmoid'", id: "sigmoid", dialect: K, params: {}, kind: "string" },
      { find: 'activation="softmax"', span: '"softmax"', id: "softmax", dialect: K, params: {}, kind: "string" },
      { find: "tf.nn.leaky_relu(x, alpha=0.2)", id: "leaky_relu", dialect: "tf", params: { negative_slope: 0.2 }, kind: "function", explicit: ["negative_slope"] },
      { find: "tf.nn.silu(x)", id: "silu", dialect: "tf", params: {}, kind: "function" },
      { find: "keras.activations.gelu(x, approximate=True)", id: "gelu", dialect: K, params: { approximate: "tanh" }, kind: "function", explicit: ["approximate"] },
    ]);
  });
});

describe("detect: Keras 3 model (keras3_model.py)", () => {
  const K = "keras3" as const;
  it("reads `import keras` as Keras 3: negative_slope, string defaults 0.2, ops.gelu tanh, ReLU(max_value=4) clamp", () => {
    checkFile("keras3_model.py", "python", [
      { find: 'activation="leaky_relu"', span: '"leaky_relu"', id: "leaky_relu", dialect: K, params: { negative_slope: 0.2 }, kind: "string" },
      { find: "layers.LeakyReLU(negative_slope=0.3)", id: "leaky_relu", dialect: K, params: { negative_slope: 0.3 }, kind: "layer", explicit: ["negative_slope"] },
      { find: "layers.LeakyReLU(0.3)", id: "leaky_relu", dialect: K, params: { negative_slope: 0.3 }, kind: "layer", explicit: ["negative_slope"] },
      { find: "activation='gelu'", span: "'gelu'", id: "gelu", dialect: K, params: { approximate: "none" }, kind: "string" },
      { find: "layers.ReLU(max_value=4.0)", id: "hardtanh", dialect: K, params: { min_val: 0, max_val: 4 }, kind: "layer", explicit: ["max_val"] },
      { find: 'layers.Activation("hard_sigmoid")', id: "hardsigmoid", dialect: K, params: {}, kind: "string" },
      { find: 'activation="softmax"', span: '"softmax"', id: "softmax", dialect: K, params: {}, kind: "string" },
      { find: "keras.ops.gelu(x)", id: "gelu", dialect: K, params: { approximate: "tanh" }, kind: "function" },
      { find: "keras.activations.leaky_relu(x)", id: "leaky_relu", dialect: K, params: { negative_slope: 0.2 }, kind: "function" },
    ]);
  });
});

describe("detect: Flax module (flax_module.py)", () => {
  it("reads nn as flax.linen here, jax.nn.gelu's tanh default, Flax PReLU's 0.01", () => {
    checkFile("flax_module.py", "python", [
      { find: "nn.relu(x)", id: "relu", dialect: "flax", params: {}, kind: "function" },
      { find: "nn.gelu(x, approximate=False)", id: "gelu", dialect: "flax", params: { approximate: "none" }, kind: "function", explicit: ["approximate"] },
      { find: "jax.nn.leaky_relu(x, negative_slope=0.1)", id: "leaky_relu", dialect: "jax", params: { negative_slope: 0.1 }, kind: "function", explicit: ["negative_slope"] },
      { find: "nn.PReLU()", id: "prelu", dialect: "flax", params: { weight: 0.01 }, kind: "layer" },
      { find: "act = jax.nn.silu", span: "jax.nn.silu", id: "silu", dialect: "jax", params: {}, kind: "function" },
      { find: "jnn.gelu(act(x))", id: "gelu", dialect: "jax", params: { approximate: "tanh" }, kind: "function" },
      { find: "jnp.tanh(x)", id: "tanh", dialect: "jax", params: {}, kind: "function" },
      { find: "partial(nn.leaky_relu, negative_slope=0.05)", id: "leaky_relu", dialect: "flax", params: { negative_slope: 0.05 }, kind: "function", explicit: ["negative_slope"] },
    ]);
  });
});

describe("detect: TF.js model (tfjs_model.ts)", () => {
  const J = "tfjs" as const;
  it("finds ops, layer factories, activation properties and methods; not comments or template literals", () => {
    checkFile("tfjs_model.ts", "typescript", [
      { find: "activation: 'relu'", span: "'relu'", id: "relu", dialect: J, params: {}, kind: "string" },
      { find: "tf.layers.leakyReLU({ alpha: 0.3 })", id: "leaky_relu", dialect: J, params: { negative_slope: 0.3 }, kind: "layer", explicit: ["negative_slope"] },
      { find: 'activation: "softmax"', span: '"softmax"', id: "softmax", dialect: J, params: {}, kind: "string" },
      { find: "tf.relu(x)", id: "relu", dialect: J, params: {}, kind: "function" },
      { find: "tf.leakyRelu(x, 0.2)", id: "leaky_relu", dialect: J, params: { negative_slope: 0.2 }, kind: "function", explicit: ["negative_slope"] },
      { find: "x.sigmoid()", id: "sigmoid", dialect: J, params: {}, kind: "method" },
      { find: "act = tf.elu", span: "tf.elu", id: "elu", dialect: J, params: { alpha: 1 }, kind: "function" },
      { find: "tf.sigmoid(a.add(b).add(c))", id: "sigmoid", dialect: J, params: {}, kind: "function" },
    ]);
  });

  it("gives the same result for the javascript / react language ids", () => {
    const text = readFileSync(join(FIXTURES, "tfjs_model.ts"), "utf8");
    const ts = findActivations(text, "typescript");
    for (const id of ["javascript", "javascriptreact", "typescriptreact"]) {
      assert.deepEqual(findActivations(text, id), ts);
    }
  });
});

describe("detect: Flux model (flux_model.jl)", () => {
  const X = "flux" as const;
  it("finds references passed to layers and calls with positional params; σ is sigmoid", () => {
    checkFile("flux_model.jl", "julia", [
      { find: "Dense(10 => 5, relu)", span: "relu", id: "relu", dialect: X, params: {}, kind: "function" },
      { find: "leakyrelu(x, 0.2)", id: "leaky_relu", dialect: X, params: { negative_slope: 0.2 }, kind: "function", explicit: ["negative_slope"] },
      { find: "Dense(5 => 5, gelu)", span: "gelu", id: "gelu", dialect: X, params: { approximate: "tanh" }, kind: "function" },
      { find: "Dense(5 => 5, swish)", span: "swish", id: "silu", dialect: X, params: {}, kind: "function" },
      { find: "Dense(5 => 2, σ)", span: "σ", id: "sigmoid", dialect: X, params: {}, kind: "function" },
      { find: "elu.(x, 0.5)", id: "elu", dialect: X, params: { alpha: 0.5 }, kind: "function", explicit: ["alpha"] },
    ]);
  });
});

describe("detect: negatives", () => {
  it("negatives.py: docstrings, comments, strings, helpers, counters and an unrelated `nn` object", () => {
    checkFile("negatives.py", "python", []);
  });

  it("negatives_torch.py: only the two real calls; not self.relu(x), x.relu, relu_count or F.relu_helper", () => {
    checkFile("negatives_torch.py", "python", [
      { find: "torch.nn.ReLU()", id: "relu", dialect: T, params: {}, kind: "layer" },
      { find: "return F.relu(x)", span: "F.relu(x)", id: "relu", dialect: T, params: {}, kind: "function" },
    ]);
  });

  it("negatives.ts: comments, strings, templates, regexes, property keys and a local relu", () => {
    checkFile("negatives.ts", "typescript", []);
  });

  it("negatives.jl: comments (nested), strings, chars, symbols, fields, helpers, adjoints and σ as a variable", () => {
    checkFile("negatives.jl", "julia", []);
  });
});
