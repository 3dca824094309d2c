import assert from "node:assert/strict";
import { formatIndexRange, formatNumber, formatPercent, formatRange, MINUS } from "../../../../src/core/format";

describe("core/format/formatNumber", () => {
  it("prints special values", () => {
    assert.equal(formatNumber(NaN), "NaN");
    assert.equal(formatNumber(Infinity), "∞");
    assert.equal(formatNumber(-Infinity), `${MINUS}∞`);
    assert.equal(formatNumber(0), "0");
    assert.equal(formatNumber(-0), `${MINUS}0`);
    assert.equal(formatNumber(-0, 4, { unicodeMinus: false }), "-0");
    assert.equal(formatNumber(-Infinity, 4, { unicodeMinus: false }), "-∞");
  });

  it("uses significant digits and trims trailing zeros", () => {
    assert.equal(formatNumber(0.5), "0.5");
    assert.equal(formatNumber(1), "1");
    assert.equal(formatNumber(3.14159265, 4), "3.142");
    assert.equal(formatNumber(3.14159265, 2), "3.1");
    assert.equal(formatNumber(-2.5), `${MINUS}2.5`);
    assert.equal(formatNumber(-2.5, 4, { unicodeMinus: false }), "-2.5");
    assert.equal(formatNumber(123.456, 4), "123.5");
    assert.equal(formatNumber(0.001234567, 3), "0.00123");
    // integers below 1e6 keep their integer digits
    assert.equal(formatNumber(123456.7, 4), "123457");
    // rounding up across a power of ten
    assert.equal(formatNumber(9.99999, 4), "10");
  });

  it("switches to exponents for tiny and huge magnitudes", () => {
    assert.equal(formatNumber(1.23456e-7, 4), "1.235e-7".replace("-", MINUS));
    assert.equal(formatNumber(-1.23456e-7, 3, { unicodeMinus: false }), "-1.23e-7");
    assert.equal(formatNumber(3e12), "3e12");
    assert.equal(formatNumber(1.5e6), "1.5e6");
    assert.equal(formatNumber(999999.7, 4), "1e6");
    assert.equal(formatNumber(Number.MIN_VALUE, 3), `4.94e${MINUS}324`);
    assert.equal(formatNumber(Number.MAX_VALUE, 3), "1.8e308");
    assert.equal(formatNumber(1e-4), "0.0001");
    assert.equal(formatNumber(9.9e-5, 2), `9.9e${MINUS}5`);
  });

  it("honours custom plain-notation bounds", () => {
    assert.equal(formatNumber(12345, 3, { largeAbs: 1e4 }), "1.23e4");
    assert.equal(formatNumber(0.01, 3, { smallAbs: 0.1 }), `1e${MINUS}2`);
  });

  it("clamps silly digit counts", () => {
    assert.equal(formatNumber(Math.PI, 0), "3");
    assert.equal(formatNumber(Math.PI, 99), formatNumber(Math.PI, 21));
    assert.equal(formatNumber(Math.PI, NaN), "3.142");
  });

  it("never prints a hyphen with the default unicode minus", () => {
    for (const x of [-1e-300, -5e-5, -0.3, -7, -1e9, -Infinity, -0, 1e-9]) {
      assert.ok(!formatNumber(x).includes("-"), formatNumber(x));
    }
  });
});

describe("core/format/formatPercent", () => {
  it("formats fractions", () => {
    assert.equal(formatPercent(0.125), "12.5%");
    assert.equal(formatPercent(0), "0.0%");
    assert.equal(formatPercent(1), "100.0%");
    assert.equal(formatPercent(0.5, 0), "50%");
    assert.equal(formatPercent(-0.25, 1, { unicodeMinus: false }), "-25.0%");
  });
  it("never rounds a nonzero share to 0% or a partial share to 100%", () => {
    assert.equal(formatPercent(1e-6), "<0.1%");
    assert.equal(formatPercent(1e-6, 0), "<1%");
    assert.equal(formatPercent(1 - 1e-6), ">99.9%");
    assert.equal(formatPercent(0.0004), "<0.1%");
    assert.equal(formatPercent(0.0005), "0.1%");
  });
  it("prints non-finite input", () => {
    assert.equal(formatPercent(NaN), "NaN%");
  });
});

describe("core/format/formatRange and formatIndexRange", () => {
  it("formats value ranges", () => {
    assert.equal(formatRange(-1.5, 2.25), `[${MINUS}1.5, 2.25]`);
    assert.equal(formatRange(3, 3), "[3]");
    assert.equal(formatRange(-Infinity, NaN, 4, { unicodeMinus: false }), "[-∞, NaN]");
  });
  it("formats index ranges with an en dash", () => {
    assert.equal(formatIndexRange(100, 119), "100\u2013119");
    assert.equal(formatIndexRange(7, 7), "7");
  });
});
