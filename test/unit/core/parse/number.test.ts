import assert from "node:assert/strict";
import fc from "fast-check";
import { readNumber, tok } from "../../../../src/core/parse/number";

/** What JS makes of a token: the reference for exactness (correct rounding). */
function reference(s: string): number {
  return Number(s.split("\u2212").join("-").replace("f", "e"));
}

function check(s: string): void {
  const e = readNumber(s, 0);
  assert.equal(e, s.length, `token ${s} read to ${e}`);
  const want = reference(s);
  if (!Object.is(tok.value, want)) {
    assert.fail(`${s}: got ${tok.value}, Number() gives ${want}`);
  }
}

describe("readNumber: exact like Number()", () => {
  it("edge cases", () => {
    for (const s of [
      "0", "-0", "-0.0", "0.0e10", "1.", ".5", "-.5", "1.e-05", "1.0000e-05", "1.0000e+05", "+3", "007", "1e400", "-1e400", "1e-400",
      "9007199254740993", "9007199254740992.5", "18014398509481985", "123456789012345678901234567890", "0.1", "0.30000000000000004",
      "1.7976931348623157e308", "1.7976931348623159e308", "5e-324", "2.2250738585072011e-308", "4.9406564584124654e-324",
      "100000000000000000000000", "1e23", "8.98846567431158e307", "−1.5", "1.5f-3", "1e−5", "1e22", "1e23", "123456789e22", "1e37",
      "0.000000000000000000000000001", "1.00000000000000000000000000001", "9.999999999999999e22", "2.5e-23",
      "0.12345678806304932", "0.4967141449451447", "1.0000000000000002", "0.9999999999999999", "4.000000000000001",
    ]) {
      check(s);
    }
  });

  it("words", () => {
    const cases: [string, number][] = [
      ["nan", NaN], ["NaN", NaN], ["-nan", NaN], ["inf", Infinity], ["-inf", -Infinity], ["Inf", Infinity], ["Infinity", Infinity],
      ["-Infinity", -Infinity], ["NaN32", NaN], ["Inf32", Infinity], ["-Inf16", -Infinity], ["True", 1], ["False", 0], ["true", 1],
      ["false", 0], ["None", NaN], ["null", NaN], ["\u2212inf", -Infinity],
    ];
    for (const [s, v] of cases) {
      assert.equal(readNumber(s, 0), s.length, s);
      assert.ok(Object.is(tok.value, v), `${s}: ${tok.value}`);
    }
    for (const s of ["x", "-", ".", "...", "e5", "n", "in", "-True"]) {
      assert.equal(readNumber(s, 0), -1, s);
    }
  });

  it("stops before what is not part of the number", () => {
    assert.equal(readNumber("1.5e", 0), 3);
    assert.equal(readNumber("2j", 0), 1);
    assert.equal(readNumber("1,2", 0), 1);
    assert.equal(readNumber("1.+2.j", 0), 2);
  });

  it("shortest reprs of random doubles and float32 values (16–17 digits)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.float({ noNaN: true, noDefaultInfinity: true }), (d, f) => {
        check(String(d));
        check(String(f));
        check(d.toExponential(Math.abs(Math.round(d)) % 21));
        check(f.toPrecision(17));
      }),
      { numRuns: 20000 },
    );
  });

  it("random decimal strings (digits, point, exponent)", () => {
    const digits = fc.string({ unit: fc.constantFrom("0", "1", "2", "5", "9", "7", "3"), minLength: 1, maxLength: 24 });
    fc.assert(
      fc.property(digits, fc.nat(24), fc.boolean(), fc.option(fc.integer({ min: -340, max: 340 })), (ds, p, neg, ex) => {
        const at = Math.min(p, ds.length);
        const s = `${neg ? "-" : ""}${ds.slice(0, at)}.${ds.slice(at)}${ex === null ? "" : `e${ex}`}`;
        check(s);
        check(`${neg ? "-" : ""}${ds}${ex === null ? "" : `E${ex}`}`);
      }),
      { numRuns: 20000 },
    );
  });

  it("numbers near halfway points (the slow path decides)", () => {
    // x + ulp/2 written exactly: ties and near-ties of binary64
    fc.assert(
      fc.property(fc.integer({ min: 2 ** 52, max: 2 ** 53 - 1 }), fc.integer({ min: -20, max: 20 }), (m, e) => {
        const tie = (BigInt(m) * 2n + 1n).toString(); // (2m+1)/2 · 2^k scaled: a 16-17 digit odd mantissa
        check(`${tie}e${e}`);
        check(`${tie.slice(0, 1)}.${tie.slice(1)}e${e}`);
      }),
      { numRuns: 5000 },
    );
  });
});
