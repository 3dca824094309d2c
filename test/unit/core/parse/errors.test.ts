import assert from "node:assert/strict";
import { lineColumn, ParseError, parseNumbers, type ParseOptions } from "../../../../src/core/parse";

/** Asserts parseNumbers(text) throws a ParseError with this reason at this 1-based line/column. */
function throwsAt(text: string, reason: string | RegExp, line: number, column: number, options?: ParseOptions): ParseError {
  let caught: unknown;
  try {
    parseNumbers(text, options);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof ParseError, `expected a ParseError, got ${String(caught)}`);
  if (typeof reason === "string") {
    assert.equal(caught.reason, reason);
  } else {
    assert.match(caught.reason, reason);
  }
  assert.deepEqual({ line: caught.line, column: caught.column }, { line, column }, caught.message);
  assert.equal(caught.message, `${caught.reason} (line ${line}, column ${column})`);
  assert.deepEqual(lineColumn(text, caught.offset), { line, column });
  return caught;
}

describe("parseNumbers errors", () => {
  it("ParseError is an Error with offset, line and column", () => {
    const e = throwsAt("[1, x]", "expected a number, found 'x'", 1, 5);
    assert.ok(e instanceof Error);
    assert.equal(e.name, "ParseError");
    assert.equal(e.offset, 4);
  });

  describe("empty selection", () => {
    for (const t of ["", "   ", "\n\t \r\n"]) {
      it(JSON.stringify(t), () => throwsAt(t, "empty selection: there are no numbers to read", 1, 1));
    }
  });

  describe("ragged rows", () => {
    it("nested lists: points at the start of the short row", () =>
      throwsAt("[[1, 2, 3, 4, 5],\n [1, 2, 3, 4, 5],\n [1, 2, 3, 4]]", "ragged rows: row 3 has 4 values, row 1 has 5", 3, 2));
    it("numpy str", () => throwsAt("[[1. 2.]\n [3.]]", "ragged rows: row 2 has 1 value, row 1 has 2", 2, 2));
    it("rows counted across blocks of a 3-D list", () =>
      throwsAt("[[[1, 2], [3, 4]], [[5, 6], [7]]]", "ragged rows: row 4 has 1 value, row 1 has 2", 1, 29));
    it("outer axes", () =>
      throwsAt("[[[1], [2]], [[3]]]", "ragged nesting: list 2 at depth 2 has 1 item, list 1 has 2", 1, 14));
    it("whitespace table", () => throwsAt("1 2 3\n4 5 6\n7 8\n", "ragged rows: row 3 has 2 values, row 1 has 3", 3, 1));
    it("csv", () => throwsAt("a,b\n1,2\n3,4,5", "ragged rows: row 2 has 3 values, row 1 has 2", 3, 1));
    it("matlab", () => throwsAt("[1 2; 3]", "ragged rows: row 2 has 1 value, row 1 has 2", 1, 6));
    it("mixed nesting", () =>
      throwsAt("[[1, 2], 3]", "mixed nesting: a number where a list was expected (all numbers must sit at one depth)", 1, 10));
  });

  describe("a selection that cuts a tensor", () => {
    it("unclosed brackets: points at the end", () =>
      throwsAt("[[1, 2],\n [3, 4", "the selection seems to cut a tensor: 2 '[' not closed", 2, 7));
    it("numpy repr cut in the middle", () =>
      throwsAt("array([[ 1.  , -0.25],\n       [ 3.  ,", "the selection seems to cut a tensor: 2 '[' not closed", 2, 15));
    it("start cut off: points at the first ']' without '['", () =>
      throwsAt(" 3.,  4.]],\n       [[5., 6.]]])", "the selection seems to cut a tensor: 3 ']' without their '['", 1, 9));
    it("torch repr without its closing ')'", () =>
      throwsAt("tensor([1., 2.]", "the selection seems to cut a tensor: the 'tensor(' is not closed", 1, 16));
    it("mismatched closer", () => throwsAt("[1, 2)", "')' closes a '[' (expected ']')", 1, 6));
    it("trailing ']'", () => throwsAt("[1, 2]]", "the selection seems to cut a tensor: 1 ']' without its '['", 1, 7));
  });

  describe("complex numbers", () => {
    it("numpy repr", () => throwsAt("array([1.+2.j, 3.-1.j])", "complex numbers are not supported", 1, 8));
    it("torch repr", () => throwsAt("tensor([1.+2.j, 0.-1.j])", "complex numbers are not supported", 1, 9));
    it("Python list", () => throwsAt("[(1+2j), (3-1j)]", "complex numbers are not supported", 1, 3));
    it("MATLAB", () => throwsAt("[1+2i 3]", "complex numbers are not supported", 1, 2));
    it("Julia", () => throwsAt("[1.0 + 2.0im, 3.0]", "complex numbers are not supported", 1, 11));
    it("a complex dtype", () => throwsAt("array([1., 2.], dtype=complex64)", "complex numbers are not supported", 1, 1));
  });

  describe("text that is not numbers", () => {
    it("a word", () => throwsAt("hello world", "expected a number, found 'hello'", 1, 1));
    it("a word in a list", () => throwsAt("[1, two, 3]", "expected a number, found 'two'", 1, 5));
    it("strings", () => throwsAt("[b'a', b'b']", "expected a number, found 'b'a''", 1, 2));
    it("a word in a table row", () => throwsAt("1 2\n3 x", "expected a number, found 'x'", 2, 3));
    it("missing separator", () => throwsAt("[1-2]", "unexpected '-2' after a number", 1, 3));
    it("two commas", () => throwsAt("[1,, 2]", "two commas with no value between them", 1, 4));
    it("text after the tensor", () => throwsAt("tensor([1.]) and more", "unexpected text after the tensor: 'and'", 1, 14));
    it("a meta tensor has no values", () =>
      throwsAt("tensor(..., device='meta', size=(2, 3))", "no values: the print shows '...' instead of values (a meta tensor or a summary)", 1, 8));
    it("a printed shape that does not match", () =>
      throwsAt("tf.Tensor([1. 2.], shape=(3,), dtype=float32)", "the print states shape (3) but the values have shape (2)", 1, 1));
    it("a header row and then words", () => throwsAt("a b\nc d", "expected a number, found 'c'", 2, 1));
    it("a MATLAB name with no values", () => throwsAt("A =\n\n", "no numbers in the selection", 1, 1));
    it("unknown format option", () =>
      throwsAt("[1]", /^unknown format 'yaml' \(known: json, python-list, /, 1, 1, { format: "yaml" as never }));
    it("a forced format that does not fit", () => {
      throwsAt("a,b\n1,2", "the text is not in format 'torch-repr' (it reads as 'csv')", 1, 1, { format: "torch-repr" });
      throwsAt("[1, 2]", "not a Julia display (expected a header like '2×2 Matrix{Float64}:')", 1, 1, { format: "julia-display" });
    });
  });

  describe("more values than options.maxValues", () => {
    it("nested lists: points at the first value too many", () =>
      throwsAt("[1, 2,\n 3, 4]", "too many values: more than 3 (the limit set by options.maxValues)", 2, 5, { maxValues: 3 }));
    it("tables", () =>
      throwsAt("1 2\n3 4", "too many values: more than 2 (the limit set by options.maxValues)", 2, 1, { maxValues: 2 }));
    it("summarised prints count their placeholders", () =>
      throwsAt("array([0, 1, 2, ..., 7, 8, 9])", "too many values: more than 3 (the limit set by options.maxValues)", 1, 17, {
        maxValues: 3,
        allowSummarized: true,
      }));
    it("a summarised Julia display counts its gap slots", () =>
      throwsAt("3×3 Matrix{Int64}:\n 1  …  3\n ⋮  ⋱\n 7     9", "too many values: more than 4 (the limit set by options.maxValues)", 1, 1, {
        maxValues: 4,
        allowSummarized: true,
      }));
    it("the default is 5 000 000", () => {
      const r = parseNumbers("[1]");
      assert.equal(r.data.length, 1);
    });
  });

  describe("line and column", () => {
    it("counts \\r\\n and \\r as one line end; columns in UTF-16 units", () => {
      assert.deepEqual(lineColumn("a\r\nb\rc", 5), { line: 3, column: 1 });
      assert.deepEqual(lineColumn("a\r\nb", 1), { line: 1, column: 2 });
      assert.deepEqual(lineColumn("a\r\nb", 2), { line: 1, column: 3 });
      assert.deepEqual(lineColumn("a\r\nb", 3), { line: 2, column: 1 });
      throwsAt("1,2\r\n3,x\r\n", "expected a number, found 'x'", 2, 3);
      throwsAt("[\u22121, €]", "expected a number, found '€'", 1, 6);
    });
  });
});
