import assert from "node:assert/strict";
import { ParseError, parseNumbers } from "../../../../src/core/parse";
import { decode, loadFixtures } from "./fixtures";

const fixtures = loadFixtures();

function sameValues(actual: Float64Array, expected: number[]): void {
  assert.equal(actual.length, expected.length, "value count");
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      assert.fail(`value ${i}: got ${actual[i]}, expected ${expected[i]}`);
    }
  }
}

describe("parseNumbers on real prints (test/fixtures/parse)", () => {
  it("has fixtures of every format", () => {
    const formats = new Set(fixtures.map((f) => f.format));
    for (const f of ["json", "python-list", "numpy-repr", "numpy-str", "torch-repr", "tf-tensor", "tf-eager-repr", "jax-array", "matlab", "julia", "julia-display", "csv", "tsv", "whitespace", "scalar"]) {
      assert.ok(formats.has(f), `no fixture for ${f}`);
    }
  });

  for (const f of fixtures) {
    it(`${f.name} [${f.format}]`, () => {
      const r = parseNumbers(f.text, f.options);
      assert.equal(r.format, f.format);
      assert.deepEqual(r.shape, f.shape);
      assert.equal(r.dtype, f.dtype);
      sameValues(r.data, f.values.map(decode));
      assert.deepEqual(r.columnLabels, f.columnLabels);
      if (f.gaps) {
        assert.deepEqual(
          r.gaps,
          f.gaps.map((g) => ({ axis: g.axis, start: g.start, length: g.length, missing: g.missing })),
        );
        assert.ok(r.warnings.some((w) => w.startsWith("the print is summarised")));
      } else {
        assert.equal(r.gaps, undefined);
      }
      assert.deepEqual(r.fullShape, f.fullShape);
      if (f.warnings) {
        assert.deepEqual(r.warnings, f.warnings);
      }
      if (f.attributes) {
        assert.deepEqual(r.attributes, f.attributes);
      }
    });
  }

  describe("summarised prints without allowSummarized", () => {
    for (const f of fixtures.filter((x) => x.options?.allowSummarized)) {
      it(`${f.name}: ParseError at the first gap, with how to print in full`, () => {
        const dots = f.format === "julia-display" ? Math.min(...["…", "⋮"].map((d) => f.text.indexOf(d)).filter((k) => k >= 0)) : f.text.indexOf("...");
        assert.throws(
          () => parseNumbers(f.text),
          (e: unknown) => {
            assert.ok(e instanceof ParseError);
            assert.match(e.reason, /^the print is summarised \('\.\.\.'\): values are missing\. Print it in full with /);
            if (f.format === "torch-repr") {
              assert.ok(e.reason.includes('torch.set_printoptions(profile="full")'), e.reason);
            } else if (f.format === "julia-display") {
              assert.ok(e.reason.includes(":limit => false"), e.reason);
            } else {
              assert.ok(e.reason.includes("np.set_printoptions(threshold=sys.maxsize)"), e.reason);
            }
            assert.ok(e.reason.endsWith("or read what is there with allowSummarized"));
            if (f.format !== "julia-display") {
              assert.equal(e.offset, dots);
            } else {
              assert.ok(e.offset >= dots - 20 && e.offset <= dots, `offset ${e.offset} near ${dots}`);
            }
            return true;
          },
        );
      });
    }
  });
});
