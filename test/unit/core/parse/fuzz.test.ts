import assert from "node:assert/strict";
import fc from "fast-check";
import { lineColumn, ParseError, parseNumbers, PARSE_FORMATS, type ParseOptions } from "../../../../src/core/parse";
import { loadFixtures } from "./fixtures";

/** parseNumbers either returns a consistent result or throws a ParseError pointing inside the text. */
function parsesOrParseError(text: string, options?: ParseOptions): void {
  let r;
  try {
    r = parseNumbers(text, options);
  } catch (e) {
    if (!(e instanceof ParseError)) {
      throw new Error(`not a ParseError for ${JSON.stringify(text)}: ${String(e)}`);
    }
    assert.ok(e.offset >= 0 && e.offset <= text.length, `offset ${e.offset}`);
    assert.deepEqual(lineColumn(text, e.offset), { line: e.line, column: e.column });
    assert.ok(e.reason.length > 0);
    return;
  }
  assert.ok((PARSE_FORMATS as readonly string[]).includes(r.format));
  assert.equal(r.data.length, r.shape.reduce((a, b) => a * b, 1), `shape ${r.shape} vs ${r.data.length} values`);
  assert.ok(r.shape.every((d) => Number.isInteger(d) && d >= 0));
  assert.ok(r.data.length <= (options?.maxValues ?? 5_000_000));
}

const alphabet = fc.constantFrom(
  ..."[]()[],,, ;;\n\n  \t0123456789.-+eE.jnaifIN".split(""),
  "...", "nan", "inf", "True", "tensor(", "array(", ", dtype=float32)", "\u2212", "…", "⋮", "×", "'", "<", ">", "=", "{", "}",
);

describe("parseNumbers fuzzing (fast-check)", () => {
  it("random strings: a result or a ParseError, never another exception", () => {
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 60 }), fc.boolean(), (s, allow) => {
        parsesOrParseError(s, { allowSummarized: allow });
      }),
      { numRuns: 4000 },
    );
  });

  it("arbitrary unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => parsesOrParseError(s)),
      { numRuns: 1500 },
    );
  });

  const texts = loadFixtures()
    .map((f) => f.text)
    .filter((t) => t.length < 3000);
  it(`mutations of ${texts.length} real prints: a result or a ParseError`, () => {
    const mutation = fc.record({
      text: fc.constantFrom(...texts),
      edits: fc.array(
        fc.record({ at: fc.nat(), del: fc.nat(3), ins: fc.string({ unit: alphabet, maxLength: 3 }) }),
        { minLength: 1, maxLength: 4 },
      ),
      allow: fc.boolean(),
      format: fc.option(fc.constantFrom(...PARSE_FORMATS), { freq: 4 }),
      maxValues: fc.option(fc.nat(40), { freq: 3 }),
    });
    fc.assert(
      fc.property(mutation, ({ text, edits, allow, format, maxValues }) => {
        let t = text;
        for (const e of edits) {
          const at = e.at % (t.length + 1);
          t = t.slice(0, at) + e.ins + t.slice(at + e.del);
        }
        const options: ParseOptions = { allowSummarized: allow };
        if (format !== null) {
          options.format = format;
        }
        if (maxValues !== null) {
          options.maxValues = maxValues;
        }
        parsesOrParseError(t, options);
      }),
      { numRuns: 4000 },
    );
  });

  it("cutting a real print anywhere: a result or a ParseError", () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.nat(), (t, a, b) => {
        const i = a % (t.length + 1);
        const j = i + (b % (t.length - i + 1));
        parsesOrParseError(t.slice(i, j));
      }),
      { numRuns: 3000 },
    );
  });

  // Linear time: each of these is ~1 MB; a quadratic scan would not finish before mocha's timeout.
  describe("adversarial 1 MB inputs finish (linear time)", () => {
    const n = 1 << 20;
    const cases: [string, string][] = [
      ["deep brackets", "[".repeat(n)],
      ["closers", "]".repeat(n)],
      ["parens", "(".repeat(n)],
      ["digits", "1".repeat(n)],
      ["zeros then a digit", "0." + "0".repeat(n) + "1"],
      ["exponent digits", "1e" + "9".repeat(n)],
      ["dots", ".".repeat(n)],
      ["commas", "[" + ",".repeat(n) + "]"],
      ["almost-complex", "1+".repeat(n / 2)],
      ["nan-prefixes", "[" + "na ".repeat(n / 3) + "]"],
      ["a long header", "x ".repeat(n / 2)],
      ["a long table row", "1 ".repeat(n / 2)],
      ["many short rows", "1\n".repeat(n / 2)],
      ["tensor( nesting", "tensor(".repeat(n / 7)],
      ["quotes", "tensor([1.], device='" + "a".repeat(n)],
      ["julia header digits", "9".repeat(n) + "×2 Matrix{Float64}:"],
      ["semicolons", "[" + ";".repeat(n) + "]"],
      ["ellipses", "[1, " + "..., ".repeat(n / 5) + "]"],
      ["unicode minus", "\u2212".repeat(n)],
      ["many ragged rows", "[" + "[1],".repeat(n / 4) + "]"],
    ];
    for (const [name, text] of cases) {
      it(name, () => {
        parsesOrParseError(text, { allowSummarized: true });
        parsesOrParseError(text);
      });
    }
  });
});
