import assert from "node:assert/strict";
import {
  ACTIVATION_IDS,
  ActivationParamError,
  UnknownActivationError,
  derivative,
  evaluate,
  getActivation,
  getDefinition,
  listActivations,
  resolveParams,
} from "../../../../src/core/activations";
import { ambiguousLooseKeys } from "../../../../src/core/activations/registry";

const ELEMENTWISE = [
  "relu", "relu6", "leaky_relu", "prelu", "rrelu", "elu", "selu", "celu", "gelu", "silu", "mish", "softplus",
  "softsign", "sigmoid", "logsigmoid", "tanh", "tanhshrink", "hardtanh", "hardsigmoid", "hardswish", "softshrink",
  "hardshrink", "threshold", "identity",
];

/** Calls fn and returns the ActivationParamError it throws (failing if it does not throw one). */
function paramErrorOf(fn: () => unknown): ActivationParamError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ActivationParamError, `expected ActivationParamError, got ${String(e)}`);
    return e;
  }
  assert.fail("expected an ActivationParamError");
}

describe("activations: registry", () => {
  it("lists the 24 elementwise activations of the brief and softmax, log_softmax, glu", () => {
    const specs = listActivations();
    assert.deepEqual(
      specs.filter((s) => s.kind === "elementwise").map((s) => s.id).sort(),
      [...ELEMENTWISE].sort(),
    );
    assert.deepEqual(specs.filter((s) => s.kind === "vector").map((s) => s.id), ["softmax", "log_softmax", "glu"]);
  });

  it("derives ACTIVATION_IDS from the registry, in order", () => {
    assert.deepEqual(ACTIVATION_IDS, listActivations().map((s) => s.id));
    assert.equal(new Set(ACTIVATION_IDS).size, ACTIVATION_IDS.length);
  });

  it("gives elementwise definitions f and df, and vector ones neither", () => {
    for (const spec of listActivations()) {
      const def = getDefinition(spec.id);
      assert.ok(def, spec.id);
      assert.equal(def.spec, spec);
      const scalar = spec.kind === "elementwise";
      assert.equal(typeof def.f === "function", scalar, `${spec.id}.f`);
      assert.equal(typeof def.df === "function", scalar, `${spec.id}.df`);
    }
  });

  it("resolves every id and alias to its spec, case-insensitively", () => {
    for (const spec of listActivations()) {
      for (const name of [spec.id, ...spec.aliases]) {
        assert.equal(getActivation(name)?.id, spec.id, name);
        assert.equal(getActivation(name.toUpperCase())?.id, spec.id, name.toUpperCase());
        assert.equal(getActivation(name.toLowerCase())?.id, spec.id, name.toLowerCase());
      }
    }
  });

  it("shares no alias between two specs (ids included, case-insensitively)", () => {
    const owner = new Map<string, string>();
    for (const spec of listActivations()) {
      for (const name of new Set([spec.id, ...spec.aliases].map((n) => n.toLowerCase()))) {
        assert.equal(owner.get(name), undefined, `'${name}' is claimed by ${owner.get(name)} and ${spec.id}`);
        owner.set(name, spec.id);
      }
    }
  });

  it("knows the spellings of other frameworks", () => {
    const cases: [string, string][] = [
      ["LeakyReLU", "leaky_relu"],
      ["leakyrelu", "leaky_relu"],
      ["leakyRelu", "leaky_relu"],
      ["swish", "silu"],
      ["SiLU", "silu"],
      ["hard_sigmoid", "hardsigmoid"],
      ["hard_swish", "hardswish"],
      ["hard_silu", "hardswish"],
      ["log_sigmoid", "logsigmoid"],
      ["linear", "identity"],
      ["GELU", "gelu"],
      ["PReLU", "prelu"],
      ["logSoftmax", "log_softmax"],
      ["soft_sign", "softsign"],
      ["σ", "sigmoid"],
      ["hardσ", "hardsigmoid"],
    ];
    for (const [name, id] of cases) {
      assert.equal(getActivation(name)?.id, id, name);
    }
  });

  it("resolves dotted paths by their last segment", () => {
    assert.equal(getActivation("torch.nn.functional.leaky_relu")?.id, "leaky_relu");
    assert.equal(getActivation("nn.LeakyReLU")?.id, "leaky_relu");
    assert.equal(getActivation("jax.nn.gelu")?.id, "gelu");
    assert.equal(getActivation("tf.keras.activations.linear")?.id, "identity");
    assert.equal(getActivation("  F.relu6 ")?.id, "relu6");
  });

  it("ignores underscores only where that is unambiguous (and nothing is ambiguous today)", () => {
    assert.equal(getActivation("logsoftmax")?.id, "log_softmax");
    assert.equal(getActivation("leaky_Relu")?.id, "leaky_relu");
    assert.equal(getActivation("hard_tanh")?.id, "hardtanh");
    assert.equal(getActivation("tanh_shrink")?.id, "tanhshrink");
    assert.equal(getActivation("log_soft_max")?.id, "log_softmax");
    assert.deepEqual(ambiguousLooseKeys(), []);
  });

  it("returns undefined for unknown names and throws UnknownActivationError from the evaluators", () => {
    for (const name of ["", "reLU7", "swishy", "nn.", "gelu_new"]) {
      assert.equal(getActivation(name), undefined, name);
    }
    assert.throws(() => evaluate("nope", 1), UnknownActivationError);
    assert.throws(() => derivative("nope", 1), UnknownActivationError);
    assert.throws(() => resolveParams("nope"), UnknownActivationError);
  });

  it("refuses scalar evaluation of vector activations", () => {
    const e = paramErrorOf(() => evaluate("softmax", 1));
    assert.equal(e.activation, "softmax");
    assert.match(e.message, /vector activation/);
  });
});

describe("activations: parameters", () => {
  it("fills PyTorch's defaults", () => {
    assert.deepEqual({ ...resolveParams("leaky_relu") }, { negative_slope: 0.01 });
    assert.deepEqual({ ...resolveParams("elu") }, { alpha: 1 });
    assert.deepEqual({ ...resolveParams("gelu") }, { approximate: "none" });
    assert.deepEqual({ ...resolveParams("softplus") }, { beta: 1, threshold: 20 });
    assert.deepEqual({ ...resolveParams("hardtanh") }, { min_val: -1, max_val: 1 });
    assert.deepEqual({ ...resolveParams("softshrink") }, { lambd: 0.5 });
    assert.deepEqual({ ...resolveParams("prelu") }, { weight: 0.25 });
    assert.deepEqual({ ...resolveParams("rrelu") }, { lower: 1 / 8, upper: 1 / 3, training: false });
    assert.deepEqual({ ...resolveParams("relu") }, {});
    assert.deepEqual({ ...resolveParams("softmax") }, { dim: -1, rows: 1 });
  });

  it("uses threshold = 0, value = 0 where PyTorch has no default, and keeps the spec's default undefined", () => {
    const spec = getActivation("threshold");
    assert.ok(spec);
    assert.deepEqual(spec.params.map((p) => p.default), [undefined, undefined]);
    assert.deepEqual({ ...resolveParams("threshold") }, { threshold: 0, value: 0 });
    assert.match(spec.params[0].description, /no default/);
    assert.match(spec.summary, /threshold = 0, value = 0/);
    assert.equal(evaluate("threshold", 0.5), 0.5);
    assert.equal(evaluate("threshold", -0.5), 0);
    assert.equal(evaluate("threshold", 2, { threshold: 3, value: -7 }), -7);
  });

  it("resolves by alias and merges given params over defaults; results are frozen", () => {
    const p = resolveParams("LeakyReLU", { negative_slope: 0.2 });
    assert.deepEqual({ ...p }, { negative_slope: 0.2 });
    assert.ok(Object.isFrozen(p));
    assert.ok(Object.isFrozen(resolveParams("softplus")));
    assert.deepEqual({ ...resolveParams("softplus", { beta: 2 }) }, { beta: 2, threshold: 20 });
  });

  it("takes the default for a param given as undefined (a JS caller's absent value), but still rejects unknown names", () => {
    assert.deepEqual({ ...resolveParams("leaky_relu", { negative_slope: undefined } as never) }, { negative_slope: 0.01 });
    assert.equal(evaluate("leaky_relu", -1, { negative_slope: undefined } as never), -0.01);
    assert.deepEqual({ ...resolveParams("softplus", { beta: 2, threshold: undefined } as never) }, { beta: 2, threshold: 20 });
    assert.throws(() => resolveParams("leaky_relu", { slope: undefined } as never), /unknown param 'slope'/);
  });

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ["hardtanh", { min_val: 2, max_val: 1 }, "min_val", /^hardtanh: min_val \(2\) must be less than max_val \(1\)$/],
    ["hardtanh", { min_val: 1, max_val: 1 }, "min_val", /must be less than max_val/],
    ["leaky_relu", { slope: 0.2 }, "slope", /^leaky_relu: unknown param 'slope' \(expected negative_slope\)$/],
    ["relu", { inplace: true }, "inplace", /relu: unknown param 'inplace' \(it takes no parameters\)/],
    ["elu", { alpha: "1" }, "alpha", /^elu: alpha must be a finite number \(got '1'\)$/],
    ["elu", { alpha: NaN }, "alpha", /finite number/],
    ["elu", { alpha: Infinity }, "alpha", /finite number/],
    ["softplus", { beta: 0 }, "beta", /^softplus: beta \(0\) must be > 0$/],
    ["softplus", { beta: -1 }, "beta", /beta \(-1\) must be > 0/],
    ["softshrink", { lambd: -0.1 }, "lambd", /^softshrink: lambd \(-0.1\) must be ≥ 0$/],
    ["hardshrink", { lambd: -1 }, "lambd", /lambd \(-1\) must be ≥ 0/],
    ["gelu", { approximate: "erf" }, "approximate", /^gelu: approximate must be one of 'none', 'tanh' \(got 'erf'\)$/],
    ["gelu", { approximate: true }, "approximate", /approximate must be one of/],
    ["rrelu", { lower: 0.5, upper: 0.2 }, "lower", /^rrelu: lower \(0.5\) must be less than or equal to upper \(0.2\)$/],
    ["rrelu", { training: true }, "training", /training must be false/],
    ["rrelu", { training: 0 }, "training", /training must be a boolean/],
    ["celu", { alpha: 0 }, "alpha", /^celu: alpha must not be 0/],
    ["softmax", { rows: 1.5 }, "rows", /^softmax: rows \(1.5\) must be an integer$/],
    ["softmax", { rows: 0 }, "rows", /rows \(0\) must be ≥ 1/],
    ["log_softmax", { dim: 0 }, "dim", /dim \(0\) must be ≥ -1|dim \(0\) must be ≤ -1/],
    ["glu", { dim: 1 }, "dim", /dim \(1\) must be ≤ -1/],
  ];
  for (const [id, params, param, message] of bad) {
    it(`rejects ${id} ${JSON.stringify(params)}, naming ${param}`, () => {
      const e = paramErrorOf(() => resolveParams(id, params as never));
      assert.equal(e.activation, id);
      assert.equal(e.param, param);
      assert.match(e.message, message);
      if (getDefinition(id)?.f !== undefined) {
        assert.throws(() => evaluate(id, 0.5, params as never), ActivationParamError);
        assert.throws(() => derivative(id, 0.5, params as never), ActivationParamError);
      }
    });
  }

  it("accepts what torch accepts where the maths still works", () => {
    assert.equal(evaluate("leaky_relu", -2, { negative_slope: -0.5 }), 1);
    assert.equal(evaluate("leaky_relu", -2, { negative_slope: 3 }), -6);
    assert.equal(evaluate("elu", -Infinity, { alpha: -1 }), 1);
    assert.equal(evaluate("softplus", 3, { threshold: -5 }), 3);
  });

  it("describes every parameter, with consistent bounds and slider ranges", () => {
    for (const spec of listActivations()) {
      for (const p of spec.params) {
        assert.ok(p.description.length > 10, `${spec.id}.${p.name} description`);
        if (p.kind === "enum") {
          assert.ok(p.options && p.options.includes(p.default as string), `${spec.id}.${p.name} options`);
        }
        if (p.kind === "number" && p.default !== undefined) {
          resolveParams(spec.id, { [p.name]: p.default }); // the default itself is valid
        }
        if (p.sliderMin !== undefined && p.sliderMax !== undefined) {
          assert.ok(p.sliderMin < p.sliderMax, `${spec.id}.${p.name} slider`);
          if (p.min !== undefined) {
            assert.ok(p.sliderMin >= p.min, `${spec.id}.${p.name} slider below min`);
          }
        }
      }
    }
  });
});

describe("activations: spec metadata", () => {
  it("has a label, formulas, a range and a summary for every activation", () => {
    for (const s of listActivations()) {
      assert.ok(s.label.length > 0 && s.summary.length > 30, s.id);
      for (const f of [s.formula, s.derivativeFormula]) {
        assert.ok(f.text.length > 5 && f.latex.length > 5, `${s.id} formula`);
      }
      assert.ok(s.range.min <= s.range.max && s.range.text.length > 0, `${s.id} range`);
    }
  });

  it("states ReLU correctly: max(0, x)", () => {
    const relu = getActivation("relu");
    assert.ok(relu);
    assert.match(relu.formula.text, /max\(0, x\)/);
    assert.match(relu.summary, /max\(0, x\)/);
    assert.doesNotMatch(relu.summary, /x \+ 1|exponential/i);
  });

  it("defines gain exactly where torch.nn.init.calculate_gain does", () => {
    const gains: Record<string, number> = {
      identity: 1,
      sigmoid: 1,
      tanh: 5 / 3,
      relu: Math.SQRT2,
      leaky_relu: Math.sqrt(2 / (1 + 0.01 ** 2)),
      selu: 3 / 4,
    };
    for (const s of listActivations()) {
      if (s.id in gains) {
        assert.ok(s.gain, `${s.id} has a gain`);
        assert.equal(s.gain(), gains[s.id], s.id);
      } else {
        assert.equal(s.gain, undefined, `${s.id} has no torch gain`);
      }
    }
    assert.equal(getActivation("leaky_relu")?.gain?.({ negative_slope: 0.2 }), Math.sqrt(2 / 1.04));
    assert.equal(getActivation("leaky_relu")?.gain?.({ negative_slope: 1 }), 1);
  });

  it("lists kinks for the given params", () => {
    const kinks = (id: string, params?: Record<string, number>) => getActivation(id)?.kinks(params);
    assert.deepEqual(kinks("relu"), [0]);
    assert.deepEqual(kinks("relu6"), [0, 6]);
    assert.deepEqual(kinks("hardtanh", { min_val: -2, max_val: 3 }), [-2, 3]);
    assert.deepEqual(kinks("hardsigmoid"), [-3, 3]);
    assert.deepEqual(kinks("hardswish"), [-3, 3]);
    assert.deepEqual(kinks("softshrink", { lambd: 1.5 }), [-1.5, 1.5]);
    assert.deepEqual(kinks("hardshrink"), [-0.5, 0.5]);
    assert.deepEqual(kinks("threshold", { threshold: 0.1, value: 20 }), [0.1]);
    assert.deepEqual(kinks("softplus"), [20]);
    assert.deepEqual(kinks("softplus", { beta: 2, threshold: 10 }), [5]);
    assert.deepEqual(kinks("leaky_relu", { negative_slope: 1 }), []);
    assert.deepEqual(kinks("gelu"), []);
    assert.deepEqual(kinks("sigmoid"), []);
    assert.throws(() => kinks("hardtanh", { min_val: 1, max_val: 0 }), ActivationParamError);
  });

  // Property flags checked against the functions themselves (default params), on a grid.
  const grid = Array.from({ length: 4001 }, (_, i) => -50 + i * 0.025);
  for (const s of listActivations().filter((a) => a.kind === "elementwise")) {
    it(`${s.id}: range and property flags agree with f and f′`, () => {
      const f = (x: number) => evaluate(s.id, x);
      const df = (x: number) => derivative(s.id, x);
      const ys = grid.map(f);
      for (const y of ys) {
        assert.ok(y >= s.range.min - 1e-12 && y <= s.range.max + 1e-12, `${s.id}: ${y} outside ${s.range.text}`);
      }
      const lo = Math.min(...ys);
      const hi = Math.max(...ys);
      if (!s.properties.monotonic && Number.isFinite(s.range.min)) {
        // a non-monotonic activation attains its minimum: the stated one must be tight
        assert.ok(Math.abs(lo - s.range.min) < 1e-3, `${s.id}: range min ${s.range.min} vs sampled ${lo}`);
      }
      assert.equal(s.properties.bounded, Number.isFinite(s.range.min) && Number.isFinite(s.range.max), "bounded");
      // monotonic: non-decreasing on the grid (softplus dips by e^(−20) at torch's threshold switch)
      const dip = s.id === "softplus" ? 3e-9 : 0;
      const monotone = ys.every((y, i) => i === 0 || y >= ys[i - 1] - dip);
      assert.equal(monotone, s.properties.monotonic, "monotonic");
      const zeroCentred = f(0) === 0 && lo < 0 && hi > 0;
      assert.equal(zeroCentred, s.properties.zeroCentred, "zeroCentred");
      const saturating = Math.abs(df(-1e6)) < 1e-6 || Math.abs(df(1e6)) < 1e-6;
      assert.equal(saturating, s.properties.saturating, "saturating");
      // sparse: exact zeros on a whole interval (not just underflow far out)
      const zeros = grid.filter((x, i) => Math.abs(x) <= 20 && ys[i] === 0).length;
      assert.equal(zeros > 10, s.properties.sparse, "sparse");
      // smooth (C¹): f′ has no jump at any kink
      const jumps = s.kinks().some((k) => Math.abs(df(k - 1e-9) - df(k + 1e-9)) > 1e-6);
      assert.equal(!jumps, s.properties.smooth, "smooth");
    });
  }
});
