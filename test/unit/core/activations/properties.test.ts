/** Property-based checks (fast-check) over the registry. */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  ActivationParamError,
  derivative,
  evaluate,
  getActivation,
  listActivations,
  resolveParams,
} from "../../../../src/core/activations";
import type { ActivationSpec, ParamSpec, ParamValue, Params } from "../../../../src/core/types";

const ELEMENTWISE = listActivations().filter((s) => s.kind === "elementwise");

/** A parameter value in the spec's slider range (or a modest range around its bounds). */
function paramArb(p: ParamSpec): fc.Arbitrary<ParamValue> {
  if (p.kind === "enum") {
    return fc.constantFrom(...(p.options ?? []));
  }
  if (p.kind === "boolean") {
    return fc.constant(p.default ?? false);
  }
  const lo = p.sliderMin ?? p.min ?? -3;
  const hi = p.sliderMax ?? p.max ?? 3;
  return fc.double({ min: lo, max: hi, noNaN: true });
}

/** Random valid params for a spec (combinations its validator rejects are skipped with fc.pre). */
function paramsArb(spec: ActivationSpec): fc.Arbitrary<Params> {
  const entries = spec.params.map((p) => paramArb(p).map((v) => [p.name, v] as const));
  return fc.tuple(...entries).map((kv) => Object.fromEntries(kv) as Params);
}

function valid(id: string, params: Params): boolean {
  try {
    resolveParams(id, params);
    return true;
  } catch (e) {
    if (e instanceof ActivationParamError) {
      return false;
    }
    throw e;
  }
}

/** Five-point central difference, O(h⁴). */
function finiteDifference(f: (x: number) => number, x: number, h: number): number {
  return (f(x - 2 * h) - 8 * f(x - h) + 8 * f(x + h) - f(x + 2 * h)) / (12 * h);
}

describe("activations: properties", () => {
  it("relu(x) ≥ 0 (or NaN) and relu is idempotent", () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const y = evaluate("relu", x);
        assert.ok(Number.isNaN(y) ? Number.isNaN(x) : y >= 0);
        assert.ok(Object.is(evaluate("relu", y), y) || Number.isNaN(y));
      }),
    );
  });

  it("leaky_relu(x) = max(s·x, x) for 0 ≤ s ≤ 1 (finite x; the sign of zero included)", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, s) => {
          const y = evaluate("leaky_relu", x, { negative_slope: s });
          assert.ok(Object.is(y, Math.max(s * x, x)), `leaky_relu(${x}; ${s}) = ${y}`);
        },
      ),
    );
  });

  for (const spec of ELEMENTWISE) {
    it(`${spec.id}: f′ ≈ central finite difference away from kinks (random params in range)`, () => {
      fc.assert(
        fc.property(paramsArb(spec), fc.double({ min: -8, max: 8, noNaN: true }), (params, x) => {
          fc.pre(valid(spec.id, params));
          const h = 1e-3;
          const kinks = spec.kinks(params);
          fc.pre(kinks.every((k) => Math.abs(x - k) > 3 * h));
          const f = (v: number) => evaluate(spec.id, v, params);
          const fd = finiteDifference(f, x, h);
          const d = derivative(spec.id, x, params);
          // O(h⁴) truncation plus rounding of f over h; scaled by |f| for large values
          const tol = 1e-6 * (1 + Math.abs(d)) + 1e-12 * Math.abs(f(x)) / h;
          assert.ok(Math.abs(d - fd) <= tol, `${spec.id}′(${x}) = ${d}, finite difference ${fd}`);
        }),
        { numRuns: 150 },
      );
    });
  }

  for (const spec of ELEMENTWISE.filter((s) => s.properties.monotonic)) {
    it(`${spec.id}: monotone (non-decreasing), as its spec says`, () => {
      // torch's softplus switches to x at beta·x > threshold, a dip of at most e^(−threshold)/beta there
      const dip = spec.id === "softplus" ? Math.exp(-20) : 0;
      fc.assert(
        fc.property(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          assert.ok(evaluate(spec.id, lo) <= evaluate(spec.id, hi) + dip, `${spec.id}(${lo}) > ${spec.id}(${hi})`);
        }),
      );
    });
  }

  it("every alias (any case, any dotted prefix) resolves to its id", () => {
    const pairs = listActivations().flatMap((s) => [s.id, ...s.aliases].map((n) => [n, s.id] as const));
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        fc.constantFrom("", "torch.nn.functional.", "nn.", "tf.keras.activations.", "jax.nn."),
        fc.boolean(),
        ([name, id], prefix, upper) => {
          const spelled = prefix + (upper ? name.toUpperCase() : name);
          assert.equal(getActivation(spelled)?.id, id, spelled);
        },
      ),
    );
  });

  it("no two specs share an alias", () => {
    const all = listActivations().flatMap((s) => [...new Set([s.id, ...s.aliases].map((n) => n.toLowerCase()))]);
    assert.equal(new Set(all).size, all.length);
  });

  it("out-of-range numeric params throw, naming the param and the activation", () => {
    const bounded = listActivations().flatMap((s) =>
      s.params
        .filter((p) => p.kind === "number" && (p.min !== undefined || p.max !== undefined))
        .map((p) => [s, p] as const),
    );
    fc.assert(
      fc.property(fc.constantFrom(...bounded), fc.double({ min: 1e-9, max: 1e6, noNaN: true }), ([s, p], d) => {
        const bad = p.min !== undefined ? p.min - d : (p.max as number) + d;
        try {
          resolveParams(s.id, { [p.name]: bad });
          assert.fail(`${s.id}: ${p.name} = ${bad} accepted`);
        } catch (e) {
          assert.ok(e instanceof ActivationParamError, String(e));
          assert.equal(e.param, p.name);
          assert.equal(e.activation, s.id);
          assert.ok(e.message.startsWith(`${s.id}: ${p.name} `), e.message);
        }
      }),
    );
  });

  it("non-number values for number params throw, naming the param", () => {
    const numeric = listActivations().flatMap((s) =>
      s.params.filter((p) => p.kind === "number").map((p) => [s.id, p.name] as const),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...numeric),
        fc.oneof(fc.string(), fc.boolean(), fc.constant(NaN), fc.constant(Infinity)),
        ([id, name], v) => {
          assert.throws(
            () => resolveParams(id, { [name]: v }),
            (e: unknown) => e instanceof ActivationParamError && e.param === name && e.message.includes(name),
          );
        },
      ),
    );
  });
});
