/**
 * `dfQuick` (the plain float64 derivative beside a double-double `df`) stays within DF_QUICK_TOLERANCE of `df`
 * with a 10× margin, and `ScalarActivation.derivativeBelow` decides |f′(x)| < ε exactly as `df` does — for
 * every elementwise activation, including ε placed on and one ulp around |f′(x)| itself.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { DEFINITIONS } from "../../../../src/core/activations/registry";
import { DF_QUICK_TOLERANCE } from "../../../../src/core/activations/define";
import { resolveParams } from "../../../../src/core/activations";
import { scalarActivation } from "../../../../src/core/stats/activation";

const WITH_QUICK = DEFINITIONS.filter((d) => d.dfQuick !== undefined);
const ELEMENTWISE = DEFINITIONS.filter((d) => d.df !== undefined);
/** Parameter sets per id beyond the defaults. */
const EXTRA_PARAMS: Record<string, Record<string, string>[]> = { gelu: [{ approximate: "tanh" }] };

function nextUp(x: number): number {
  const b = new Float64Array([x]);
  const i = new BigInt64Array(b.buffer);
  if (x === 0) {
    return Number.MIN_VALUE;
  }
  i[0] += x > 0 ? 1n : -1n;
  return b[0];
}
function nextDown(x: number): number {
  return -nextUp(-x);
}

/** A dense grid over [−60, 60], the cancelling bands at finer steps, and values of many magnitudes. */
function samples(): number[] {
  const xs: number[] = [0, -0, Infinity, -Infinity, NaN, Number.MIN_VALUE, -Number.MIN_VALUE, 1e-300, -1e-300];
  for (let x = -60; x <= 60; x += 1 / 64) {
    xs.push(x);
  }
  for (let x = -12; x <= 0; x += 1 / 4096) {
    xs.push(x);
  }
  for (let e = -30; e <= 300; e += 3) {
    xs.push(10 ** e, -(10 ** e), 1.7 * 10 ** e, -1.7 * 10 ** e);
  }
  let s = 7;
  for (let i = 0; i < 20000; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    xs.push(((s / 2147483648) * 2 - 1) * 45);
  }
  return xs;
}

describe("dfQuick and derivativeBelow", () => {
  it("the registry gives dfQuick to the double-double derivatives: gelu (both forms), silu, mish", () => {
    assert.deepEqual(WITH_QUICK.map((d) => d.spec.id).sort(), ["gelu", "mish", "silu"]);
  });

  const xs = samples();
  for (const def of WITH_QUICK) {
    for (const params of [{}, ...(EXTRA_PARAMS[def.spec.id] ?? [])]) {
      it(`${def.spec.id} ${JSON.stringify(params)}: |dfQuick − df| ≤ tolerance/10 everywhere, NaN exactly where df is NaN`, () => {
        const p = resolveParams(def.spec.id, params);
        let worst = 0;
        let at = 0;
        for (const x of xs) {
          const exact = def.df!(x, p);
          const quick = def.dfQuick!(x, p);
          assert.equal(Number.isNaN(quick), Number.isNaN(exact), `NaN-ness at x = ${x}: quick ${quick}, df ${exact}`);
          if (Number.isNaN(exact)) {
            continue;
          }
          const err = Math.abs(quick - exact);
          if (err > worst) {
            worst = err;
            at = x;
          }
        }
        assert.ok(worst <= DF_QUICK_TOLERANCE / 10, `largest |dfQuick − df| = ${worst} at x = ${at}`);
      });
    }
  }

  for (const def of ELEMENTWISE) {
    for (const params of [{}, ...(EXTRA_PARAMS[def.spec.id] ?? [])]) {
      it(`${def.spec.id} ${JSON.stringify(params)}: derivativeBelow(x, ε) ≡ |df(x)| < ε, ε on and around |f′(x)|`, () => {
        const act = scalarActivation(def.spec.id, params);
        const grid = xs.filter((_, i) => i % 7 === 0);
        for (const x of grid) {
          const d = Math.abs(act.df(x));
          const epsilons = [1e-3, 0.5, 1e-12, 1e-300];
          if (Number.isFinite(d) && d > 0) {
            epsilons.push(d, nextUp(d), nextDown(d), d + DF_QUICK_TOLERANCE / 2, d - DF_QUICK_TOLERANCE / 2);
          }
          for (const eps of epsilons) {
            assert.equal(act.derivativeBelow(x, eps), d < eps, `x = ${x}, ε = ${eps}, |df| = ${d}`);
          }
        }
      });
    }
  }

  it("derivativeBelow agrees with df for arbitrary doubles and ε (fast-check)", () => {
    const acts = WITH_QUICK.map((d) => scalarActivation(d.spec.id)).concat(scalarActivation("gelu", { approximate: "tanh" }));
    fc.assert(
      fc.property(
        fc.constantFrom(...acts),
        fc.double({ noNaN: false }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (act, x, eps) => act.derivativeBelow(x, eps) === Math.abs(act.df(x)) < eps,
      ),
      { numRuns: 20000 },
    );
  });
});
