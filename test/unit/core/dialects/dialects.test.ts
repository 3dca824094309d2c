import assert from "node:assert/strict";
import { getActivation } from "../../../../src/core/activations";
import type { Dialect, Params } from "../../../../src/core/types";
import { DIALECTS } from "../../../../src/core/types";
import {
  CANONICAL_IDS,
  DIALECT_TABLES,
  TORCH_PARAMS,
  dialectInfo,
  formsFor,
  idsOf,
  mapDialectParams,
  paramsForDialect,
} from "../../../../src/core/dialects";
import type { FormKind } from "../../../../src/core/dialects";

describe("dialect table: defaults by framework", () => {
  const rows: [Dialect, string, FormKind | undefined, Params][] = [
    // LeakyReLU: the famous disagreement
    ["torch", "leaky_relu", undefined, { negative_slope: 0.01 }],
    ["torch", "leaky_relu", "function", { negative_slope: 0.01 }],
    ["keras3", "leaky_relu", "layer", { negative_slope: 0.3 }],
    ["keras3", "leaky_relu", undefined, { negative_slope: 0.3 }],
    ["keras3", "leaky_relu", "function", { negative_slope: 0.2 }],
    ["keras3", "leaky_relu", "string", { negative_slope: 0.2 }],
    ["keras2", "leaky_relu", "layer", { negative_slope: 0.3 }],
    ["tf", "leaky_relu", undefined, { negative_slope: 0.2 }],
    ["jax", "leaky_relu", undefined, { negative_slope: 0.01 }],
    ["flax", "leaky_relu", undefined, { negative_slope: 0.01 }],
    ["tfjs", "leaky_relu", "function", { negative_slope: 0.2 }],
    ["tfjs", "leaky_relu", "method", { negative_slope: 0.2 }],
    ["tfjs", "leaky_relu", "layer", { negative_slope: 0.3 }],
    ["flux", "leaky_relu", undefined, { negative_slope: 0.01 }],
    // GELU: exact vs tanh by default
    ["torch", "gelu", undefined, { approximate: "none" }],
    ["keras3", "gelu", "function", { approximate: "none" }],
    ["keras3", "gelu", "string", { approximate: "none" }],
    ["keras2", "gelu", undefined, { approximate: "none" }],
    ["tf", "gelu", undefined, { approximate: "none" }],
    ["jax", "gelu", undefined, { approximate: "tanh" }],
    ["flax", "gelu", undefined, { approximate: "tanh" }],
    ["flux", "gelu", undefined, { approximate: "tanh" }],
    ["tfjs", "gelu", "string", { approximate: "none" }],
    // PReLU's starting slope
    ["torch", "prelu", "layer", { weight: 0.25 }],
    ["keras3", "prelu", undefined, { weight: 0 }],
    ["keras2", "prelu", undefined, { weight: 0 }],
    ["flax", "prelu", undefined, { weight: 0.01 }],
    ["tfjs", "prelu", "layer", { weight: 0 }],
    // thresholded ReLUs → torch threshold(theta, 0)
    ["keras2", "threshold", undefined, { threshold: 1, value: 0 }],
    ["tfjs", "threshold", undefined, { threshold: 1, value: 0 }],
    ["flux", "threshold", undefined, { threshold: 1, value: 0 }],
    ["torch", "threshold", undefined, {}],
    // parameters frameworks do not expose take the value that makes torch's function equal
    ["keras3", "softplus", undefined, { beta: 1, threshold: 20 }],
    ["tf", "elu", undefined, { alpha: 1 }],
    ["jax", "hardtanh", undefined, { min_val: -1, max_val: 1 }],
    ["flux", "softshrink", undefined, { lambd: 0.5 }],
    ["flux", "rrelu", undefined, { lower: 1 / 8, upper: 1 / 3, training: false }],
    ["keras3", "relu", undefined, {}],
  ];
  for (const [dialect, id, kind, expected] of rows) {
    it(`${dialect} ${id}${kind ? ` (${kind})` : ""} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(paramsForDialect(id, dialect, {}, kind), expected);
    });
  }

  it("given parameters override the dialect's defaults", () => {
    assert.deepEqual(paramsForDialect("leaky_relu", "keras3", { negative_slope: 0.5 }), { negative_slope: 0.5 });
    assert.deepEqual(paramsForDialect("gelu", "jax", { approximate: "none" }), { approximate: "none" });
  });

  it("falls back to PyTorch's defaults for a spelling the framework lacks", () => {
    assert.deepEqual(paramsForDialect("celu", "tfjs"), { alpha: 1 });
    assert.deepEqual(paramsForDialect("threshold", "tf", { threshold: 0.5 }), { threshold: 0.5 });
  });
});

describe("dialect table: argument names mapped to PyTorch's", () => {
  const rows: [Dialect, string, Record<string, string>][] = [
    ["torch", "prelu", { init: "weight", weight: "weight" }],
    ["torch", "hardtanh", { min_val: "min_val", max_val: "max_val", min_value: "min_val", max_value: "max_val" }],
    ["keras3", "leaky_relu", { negative_slope: "negative_slope", alpha: "negative_slope" }],
    ["keras2", "leaky_relu", { alpha: "negative_slope" }],
    ["tf", "leaky_relu", { alpha: "negative_slope" }],
    ["tfjs", "leaky_relu", { alpha: "negative_slope" }],
    ["flux", "leaky_relu", { a: "negative_slope" }],
    ["keras3", "softshrink", { threshold: "lambd" }],
    ["keras3", "threshold", { threshold: "threshold", default_value: "value" }],
    ["keras2", "threshold", { theta: "threshold" }],
    ["flax", "prelu", { negative_slope_init: "weight" }],
    ["keras3", "prelu", { alpha_initializer: "weight" }],
    ["flux", "elu", { α: "alpha" }],
    ["jax", "gelu", { approximate: "approximate" }],
  ];
  for (const [dialect, id, expected] of rows) {
    it(`${dialect} ${id}: ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(dialectInfo(id, dialect)?.paramNames, expected);
    });
  }

  it("maps dialect-named values, converting booleans and initializer names", () => {
    assert.deepEqual(mapDialectParams("leaky_relu", "keras2", { alpha: 0.1 }), { id: "leaky_relu", params: { negative_slope: 0.1 }, unresolved: [] });
    assert.deepEqual(mapDialectParams("gelu", "jax", { approximate: false }), { id: "gelu", params: { approximate: "none" }, unresolved: [] });
    assert.deepEqual(mapDialectParams("gelu", "keras3", { approximate: true }), { id: "gelu", params: { approximate: "tanh" }, unresolved: [] });
    assert.deepEqual(mapDialectParams("prelu", "keras3", { alpha_initializer: "Ones" }), { id: "prelu", params: { weight: 1 }, unresolved: [] });
    assert.deepEqual(mapDialectParams("prelu", "keras3", { alpha_initializer: "glorot_uniform" }), { id: "prelu", params: {}, unresolved: ["weight"] });
    assert.deepEqual(mapDialectParams("silu", "tf", { beta: 1 }), { id: "silu", params: {}, unresolved: [] });
    assert.deepEqual(mapDialectParams("silu", "tf", { beta: 2 }), { id: "silu", params: {}, unresolved: ["beta"] });
    assert.equal(mapDialectParams("mish", "tf", {}), undefined);
  });
});

describe("dialect table: Keras/TF.js ReLU family chooses the function", () => {
  const rows: [Dialect, Record<string, number>, string, Params, readonly string[]][] = [
    ["keras3", {}, "relu", {}, []],
    ["keras3", { max_value: 6 }, "relu6", {}, []],
    ["keras3", { max_value: 4 }, "hardtanh", { min_val: 0, max_val: 4 }, []],
    ["keras3", { negative_slope: 0.1 }, "leaky_relu", { negative_slope: 0.1 }, []],
    ["keras3", { threshold: 0.5 }, "threshold", { threshold: 0.5, value: 0 }, []],
    ["keras3", { negative_slope: 0.1, max_value: 6 }, "relu", {}, ["negative_slope", "max_value"]],
    ["keras2", { max_value: 6 }, "relu6", {}, []],
    ["keras2", { negative_slope: 0.2 }, "leaky_relu", { negative_slope: 0.2 }, []],
    ["tfjs", { maxValue: 6 }, "relu6", {}, []],
    ["tfjs", { maxValue: 1 }, "hardtanh", { min_val: 0, max_val: 1 }, []],
  ];
  for (const [dialect, given, id, params, unresolved] of rows) {
    it(`${dialect} ReLU(${JSON.stringify(given)}) → ${id} ${JSON.stringify(params)}`, () => {
      const layer = mapDialectParams("relu", dialect, given, "layer");
      assert.deepEqual(layer, { id, params, unresolved });
    });
  }

  it("Keras 2's relu function names the slope alpha", () => {
    assert.deepEqual(mapDialectParams("relu", "keras2", { alpha: 0.3 }, "function"), {
      id: "leaky_relu",
      params: { negative_slope: 0.3 },
      unresolved: [],
    });
  });
});

describe("dialect table: semantic differences", () => {
  it("Keras 2 and TF.js hard sigmoid are a documented variant (0.2x + 0.5), Keras 3's is torch's", () => {
    assert.equal(dialectInfo("hardsigmoid", "keras2")?.variants[0]?.formula, "clip(0.2·x + 0.5, 0, 1)");
    assert.equal(dialectInfo("hardsigmoid", "tfjs")?.variants.length, 1);
    assert.deepEqual(dialectInfo("hardsigmoid", "keras3")?.variants, []);
    assert.deepEqual(dialectInfo("hardsigmoid", "jax")?.variants, []);
    assert.deepEqual(dialectInfo("hardsigmoid", "flux")?.variants, []);
  });

  it("Flux's rrelu is random (a variant); torch's default rrelu is deterministic", () => {
    assert.equal(dialectInfo("rrelu", "flux")?.variants[0]?.id, "rrelu");
    assert.deepEqual(dialectInfo("rrelu", "torch")?.variants, []);
  });

  it("every spelling that means torch's function with torch's defaults resolves to it by getActivation", () => {
    let checked = 0;
    for (const [dialect, table] of Object.entries(DIALECT_TABLES)) {
      for (const form of table.forms) {
        if (Object.keys(form.defaults).length > 0 || form.variant !== undefined || form.reluFamily !== undefined) {
          continue; // the spelling changes parameters or the function: not a plain alias
        }
        for (const name of form.names) {
          assert.equal(getActivation(name)?.id, form.id, `${dialect} ${form.kind} '${name}'`);
          checked++;
        }
      }
    }
    assert.ok(checked > 100, `checked ${checked} spellings`);
  });

  const kinkRows: [Dialect, string, { at: number | string; value: number | string; torch: number | string }[]][] = [
    ["jax", "leaky_relu", [{ at: 0, value: 1, torch: "negative_slope" }]],
    ["flax", "leaky_relu", [{ at: 0, value: 1, torch: "negative_slope" }]],
    [
      "jax",
      "hardtanh",
      [
        { at: -1, value: 1, torch: 0 },
        { at: 1, value: 1, torch: 0 },
      ],
    ],
    ["tfjs", "relu6", [{ at: 6, value: 1, torch: 0 }]],
    ["flux", "elu", [{ at: 0, value: 1, torch: "alpha" }]],
    [
      "flux",
      "hardswish",
      [
        { at: -3, value: -0.5, torch: 0 },
        { at: 3, value: 1.5, torch: 1 },
      ],
    ],
    ["tf", "selu", [{ at: 0, value: 1.0507009873554805, torch: 1.7580993408473766 }]],
    ["keras2", "selu", [{ at: 0, value: 1.0507009873554805, torch: 1.7580993408473766 }]],
    ["keras3", "selu", []],
    ["torch", "leaky_relu", []],
    ["tf", "leaky_relu", []],
    ["jax", "relu", []],
  ];
  for (const [dialect, id, kinks] of kinkRows) {
    it(`${dialect} ${id}: derivative at kinks ${JSON.stringify(kinks)}`, () => {
      assert.deepEqual(dialectInfo(id, dialect)?.kinks, kinks);
    });
  }

  it("notes tell the defaults that differ from torch", () => {
    assert.match(dialectInfo("leaky_relu", "keras3")?.notes.join(" ") ?? "", /0\.3/);
    assert.match(dialectInfo("gelu", "jax")?.notes.join(" ") ?? "", /approximate=True/);
  });

  it("lists qualified spellings", () => {
    const info = dialectInfo("leaky_relu", "keras3");
    assert.deepEqual(info?.layers, ["keras.layers.LeakyReLU"]);
    assert.deepEqual(info?.functions, ["keras.activations.leaky_relu", "keras.ops.leaky_relu", "keras.ops.nn.leaky_relu"]);
    assert.deepEqual(info?.strings, ["leaky_relu"]);
    assert.deepEqual(dialectInfo("leaky_relu", "tfjs")?.functions, ["tf.leakyRelu"]);
    assert.deepEqual(dialectInfo("leaky_relu", "tfjs")?.layers, ["tf.layers.leakyReLU"]);
    assert.deepEqual(dialectInfo("sigmoid", "flux")?.functions, ["σ", "sigmoid", "sigmoid_fast"]);
    assert.deepEqual(dialectInfo("relu", "torch")?.methods, ["Tensor.relu", "Tensor.relu_"]);
    assert.equal(dialectInfo("mish", "tf"), undefined);
  });
});

describe("dialect table: consistency", () => {
  it("every form's id is canonical and every PyTorch name it uses is a parameter of that id", () => {
    for (const dialect of DIALECTS) {
      for (const form of DIALECT_TABLES[dialect].forms) {
        assert.ok(CANONICAL_IDS.includes(form.id), `${dialect} ${form.names[0]}: unknown id ${form.id}`);
        const params = Object.keys(TORCH_PARAMS[form.id]);
        for (const spec of form.args) {
          if (spec.torch !== undefined) {
            assert.ok(params.includes(spec.torch), `${dialect} ${form.names[0]}: ${spec.torch} not a param of ${form.id}`);
          }
        }
        for (const name of Object.keys(form.defaults)) {
          assert.ok(params.includes(name), `${dialect} ${form.names[0]}: default ${name} not a param of ${form.id}`);
        }
        assert.equal(form.dialect, dialect);
        if (form.variant) {
          assert.ok(DIALECT_TABLES[dialect].variants[form.variant], `${dialect}: unknown variant ${form.variant}`);
        }
      }
    }
  });

  it("a qualified name or string means one thing per dialect", () => {
    const seen = new Map<string, string>();
    for (const dialect of DIALECTS) {
      for (const form of DIALECT_TABLES[dialect].forms) {
        const keys =
          form.kind === "string" || form.kind === "method"
            ? form.names.map((n) => `${dialect}:${form.kind}:${n}`)
            : form.modules.flatMap((m) => form.names.map((n) => `${form.kind}:${m}.${n}`));
        for (const key of keys) {
          const prev = seen.get(key);
          assert.ok(prev === undefined || prev === form.id, `${key}: ${prev} and ${form.id}`);
          seen.set(key, form.id);
        }
      }
    }
  });

  it("the torch dialect spells every canonical id and every dialect spells the basics", () => {
    assert.deepEqual([...idsOf("torch")].sort(), [...CANONICAL_IDS].sort());
    for (const dialect of DIALECTS) {
      for (const id of ["relu", "sigmoid", "tanh", "softmax"]) {
        assert.ok(formsFor(id, dialect).length > 0, `${dialect} lacks ${id}`);
      }
    }
  });

  it("torch defaults agree with the torch reference note", () => {
    assert.deepEqual(paramsForDialect("rrelu", "torch"), { lower: 0.125, upper: 1 / 3, training: false });
    assert.deepEqual(paramsForDialect("softplus", "torch"), { beta: 1, threshold: 20 });
    assert.deepEqual(paramsForDialect("hardtanh", "torch"), { min_val: -1, max_val: 1 });
    assert.deepEqual(paramsForDialect("softshrink", "torch"), { lambd: 0.5 });
    assert.deepEqual(paramsForDialect("celu", "torch"), { alpha: 1 });
  });
});
