/**
 * Table-driven accuracy tests against torch 1.13 float64 (and mpmath where torch loses digits), over every case
 * of test/fixtures/reference/activations.json (made by scripts/gen_reference.py).
 *
 * A value passes when it is
 *  (a) within 2 ulp (+ 1e−300) of torch's value on either of its code paths (one-element or vectorised), or
 *  (b) at least as close to the true value (mpmath, stored where torch is > 1 ulp off) as torch is (on the
 *      closer of its two paths);
 * and, for NaN/±∞ inputs, equal to torch's value exactly. Documented deviations are listed in DEVIATIONS below
 * and replace torch's value for the inputs they name.
 */
import assert from "node:assert/strict";
import { derivative, evaluate, getDefinition, listActivations } from "../../../../src/core/activations";
import { elementwiseCases, errorTo, same, show, withinUlps, type ElementwiseCase } from "./fixtures";

interface Deviation {
  readonly ids: readonly string[];
  readonly which: "f" | "df";
  readonly applies: (x: number) => boolean;
  /** Our value instead of torch 1.13's. */
  readonly expected: (x: number) => number;
  readonly why: string;
}

/** Every place where we deliberately differ from torch 1.13 (see the family files for the reasoning). */
export const DEVIATIONS: readonly Deviation[] = [
  {
    ids: ["hardswish"],
    which: "df",
    applies: (x) => x === -3,
    expected: () => 0,
    why: "torch 2.x: hardswish′(−3) = 0 (torch 1.13: −0.5)",
  },
  {
    ids: ["hardswish"],
    which: "df",
    applies: (x) => x === 3,
    expected: () => 1,
    why: "torch 2.x and 1.13's vectorised path: hardswish′(3) = 1 (1.13's one-element path: 1.5)",
  },
  {
    ids: ["softshrink"],
    which: "f",
    applies: (x) => x !== x,
    expected: () => NaN,
    why: "NaN propagates (torch 1.13 returns 0)",
  },
  {
    ids: ["*"],
    which: "df",
    applies: (x) => x !== x,
    expected: () => NaN,
    why: "f′(NaN) = NaN (torch's autograd gives 1, 0 or the slope, depending on its code path)",
  },
];

/**
 * elu, selu and celu use expm1 (as torch 2.x), which keeps the sign of x: a zero result for x = −0 or for a
 * negative x whose result underflows is −0. torch 1.13's exp(x) − 1 gives +0 there.
 */
const NEGATIVE_ZERO_AT_OR_BELOW_0 = new Set(["elu", "selu", "celu"]);

function deviation(id: string, which: "f" | "df", x: number): Deviation | undefined {
  return DEVIATIONS.find((d) => d.which === which && (d.ids.includes(id) || d.ids[0] === "*") && d.applies(x));
}

function label(c: ElementwiseCase): string {
  const p = Object.entries(c.params);
  return p.length === 0 ? c.id : `${c.id}(${p.map(([k, v]) => `${k}=${String(v)}`).join(", ")})`;
}

/** Checks one output column; returns human-readable failures. */
function check(c: ElementwiseCase, which: "f" | "df"): string[] {
  const fn = which === "f" ? evaluate : derivative;
  const torch = which === "f" ? c.y : c.dy;
  const alt = which === "f" ? c.yVec : c.dyVec;
  const truthMap = which === "f" ? c.yTrue : c.dyTrue;
  const failures: string[] = [];
  c.x.forEach((x, i) => {
    const ours = fn(c.id, x, c.params);
    const dev = deviation(c.id, which, x);
    if (dev !== undefined) {
      if (!same(ours, dev.expected(x))) {
        failures.push(`x=${show(x)}: ${show(ours)}, expected ${show(dev.expected(x))} (${dev.why})`);
      }
      return;
    }
    const candidates = [torch[i], ...(alt.has(i) ? [alt.get(i) as number] : [])];
    if (!Number.isFinite(x)) {
      if (!candidates.some((t) => same(ours, t))) {
        failures.push(`x=${show(x)}: ${show(ours)}, torch ${candidates.map(show).join(" / ")} (non-finite input)`);
      }
      return;
    }
    const truth = truthMap.get(i);
    const nearTorch = candidates.some((t) => withinUlps(ours, t, 2));
    const nearTruth = truth !== undefined && errorTo(ours, truth) <= Math.min(...candidates.map((t) => errorTo(t, truth)));
    if (!nearTorch && !nearTruth) {
      failures.push(
        `x=${show(x)}: ${show(ours)}, torch ${candidates.map(show).join(" / ")}` +
          (truth === undefined ? "" : `, truth ${show(truth)}`),
      );
      return;
    }
    // Sign of zero: where torch is trusted (no truth entry) and both give a zero, the signs must agree.
    if (which === "f" && truth === undefined && ours === 0 && candidates[0] === 0) {
      const negative = x < 0 || Object.is(x, -0);
      const want = NEGATIVE_ZERO_AT_OR_BELOW_0.has(c.id) && negative ? -0 : candidates[0];
      if (!same(ours, want)) {
        failures.push(`x=${show(x)}: ${show(ours)}, expected ${show(want)} (sign of zero)`);
      }
    }
  });
  return failures;
}

describe("activations: float64 reference (torch 1.13 + mpmath)", () => {
  const cases = elementwiseCases();

  it("covers every elementwise activation", () => {
    const ids = new Set(cases.map((c) => c.id));
    for (const c of cases) {
      assert.ok(getDefinition(c.id), `fixture id ${c.id} is not registered`);
    }
    const missing = listActivations()
      .filter((s) => s.kind === "elementwise" && !ids.has(s.id))
      .map((s) => s.id);
    assert.deepEqual(missing, [], "elementwise activations without fixture cases");
  });

  for (const c of cases) {
    describe(label(c), () => {
      it(`f matches torch within 2 ulp or is closer to the truth (${c.x.length} inputs)`, () => {
        const failures = check(c, "f");
        assert.deepEqual(failures, [], `${label(c)} f:\n  ${failures.join("\n  ")}`);
      });
      it("f′ matches torch autograd within 2 ulp or is closer to the truth", () => {
        const failures = check(c, "df");
        assert.deepEqual(failures, [], `${label(c)} f′:\n  ${failures.join("\n  ")}`);
      });
    });
  }
});
