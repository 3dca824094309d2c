import assert from "node:assert/strict";
import fc from "fast-check";
import { erf, erfc, normalCdf, normalPdf } from "../../../../src/core/activations";
import { erfReference, show, withinUlps } from "./fixtures";

describe("activations: erf / erfc (fdlibm method) against mpmath", () => {
  const ref = erfReference();

  it(`erf is within 1 ulp of the truth (${ref.x.length} points)`, () => {
    const bad = ref.x.filter((x, i) => !withinUlps(erf(x), ref.erf[i], 1));
    assert.deepEqual(bad.map(show), []);
  });

  it("erfc is within 2 ulp of the truth, including the far right tail", () => {
    const bad = ref.x.filter((x, i) => !withinUlps(erfc(x), ref.erfc[i], 2));
    assert.deepEqual(bad.map(show), []);
    assert.ok(erfc(26) > 5e-296 && erfc(26) < 6e-296, "erfc(26) ≈ 5.7e−296, not 0");
  });

  it("has the special values", () => {
    assert.ok(Object.is(erf(-0), -0) && Object.is(erf(0), 0));
    assert.equal(erf(Infinity), 1);
    assert.equal(erf(-Infinity), -1);
    assert.equal(erfc(Infinity), 0);
    assert.equal(erfc(-Infinity), 2);
    assert.equal(erfc(0), 1);
    assert.ok(Number.isNaN(erf(NaN)) && Number.isNaN(erfc(NaN)));
  });

  it("is odd, and erfc(x) + erfc(−x) = 2", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        assert.equal(erf(-x), -erf(x));
        assert.ok(Math.abs(erfc(x) + erfc(-x) - 2) <= 4e-16);
      }),
    );
  });

  it("Φ and φ: Φ(0) = 1/2, Φ(x) + Φ(−x) = 1, φ(0) = 1/√(2π), and Φ keeps the left tail", () => {
    assert.equal(normalCdf(0), 0.5);
    assert.equal(normalPdf(0), 1 / Math.sqrt(2 * Math.PI));
    assert.ok(Math.abs(normalCdf(-20) / 2.7536241186062337e-89 - 1) < 4e-16, String(normalCdf(-20)));
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
        assert.ok(Math.abs(normalCdf(x) + normalCdf(-x) - 1) <= 3e-16);
        assert.ok(normalPdf(x) === normalPdf(-x));
      }),
    );
  });
});
