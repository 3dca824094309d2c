import assert from "node:assert/strict";
import fc from "fast-check";
import { formatNumbers, parseNumbers, type ParsedNumbers } from "../../../../src/core/parse";
import { roundToFloat16 } from "../../../../src/core/kernels/round";
import { loadFixtures } from "./fixtures";

/** The shape a format can hold (tables and MATLAB are 2-D; Julia literals fold axes past the third). */
function heldShape(format: string, shape: number[]): number[] {
  const size = shape.reduce((a, b) => a * b, 1);
  if (["csv", "tsv", "whitespace", "matlab"].includes(format)) {
    if (shape.length === 0) {
      return format === "matlab" ? [1, 1] : [];
    }
    return shape.length === 1 ? [1, shape[0]] : [size / shape[shape.length - 1], shape[shape.length - 1]];
  }
  if (format === "julia" && shape.length > 3) {
    return [shape[0], shape[1], size / (shape[0] * shape[1])];
  }
  return shape;
}

/** Formats that the same text may read as, for tiny or one-column data. */
function acceptable(like: string, got: string, shape: number[]): boolean {
  if (got === like) {
    return true;
  }
  const size = shape.reduce((a, b) => a * b, 1);
  if (like === "python-list" && got === "json") {
    return true; // a Python list without nan/inf/True/tuples is valid JSON, and reads as json
  }
  if (["csv", "tsv"].includes(like) && (shape.length < 2 || shape[shape.length - 1] === 1)) {
    return got === "whitespace" || got === "scalar";
  }
  if (like === "whitespace" && shape.length === 0) {
    return got === "scalar";
  }
  if (like === "numpy-str" && size <= 1) {
    return ["scalar", "python-list", "json"].includes(got);
  }
  return false;
}

function roundTrip(data: Float64Array | Float32Array, shape: number[], like: ParsedNumbers): void {
  const text = formatNumbers(data, shape, like);
  const back = parseNumbers(text);
  assert.ok(acceptable(like.format, back.format, shape), `${like.format} wrote ${JSON.stringify(text)}, read as ${back.format}`);
  const want = back.format === "scalar" ? [] : heldShape(like.format, shape);
  assert.deepEqual(back.shape, want, `shape of ${JSON.stringify(text)}`);
  const f32 = data instanceof Float32Array;
  // a float16 print holds float16 values: the digits (numpy's shortest for float16) read back as the same float16
  const f16 = like.dtype === "float16";
  for (let i = 0; i < data.length; i++) {
    const got = f32 ? Math.fround(back.data[i]) : back.data[i];
    if (f16 && roundToFloat16(data[i]) === data[i] && roundToFloat16(got) === data[i]) {
      continue;
    }
    if (!Object.is(got, data[i])) {
      assert.fail(`${like.format}: value ${i} ${data[i]} came back as ${back.data[i]} from ${JSON.stringify(text)}`);
    }
  }
}

const likes = loadFixtures()
  .filter((f) => !f.options?.allowSummarized && !f.options?.format)
  .map((f) => ({ name: f.name, parsed: parseNumbers(f.text) }));

const special = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e-300, 5e-324, 1.7976931348623157e308, 1e16, 1e-5, 0.1, -2.5, 123456.789);
const value = fc.oneof(fc.double({ noDefaultInfinity: true }), special, fc.integer({ min: -1000, max: 1000 }));

describe("formatNumbers round-trips through parseNumbers", () => {
  for (const { name, parsed } of likes) {
    it(`${name} [${parsed.format}]`, () => {
      // its own values, as parsed
      roundTrip(parsed.data, parsed.shape, parsed);
      // other values of the same shape, binary64 and binary32
      const n = parsed.data.length;
      fc.assert(
        fc.property(fc.array(value, { minLength: n, maxLength: n }), (vals) => {
          roundTrip(Float64Array.from(vals), parsed.shape, parsed);
          roundTrip(Float32Array.from(vals), parsed.shape, parsed);
        }),
        { numRuns: 15 },
      );
    });
  }

  it("keeps the look of each format", () => {
    const like = (t: string) => parseNumbers(t);
    const d = Float64Array.from([1, -0.25, 3, 4]);
    assert.equal(formatNumbers(d, [2, 2], like("array([[1., 2.], [3., 4.]], dtype=float32)")), "array([[ 1.  , -0.25],\n       [ 3.  ,  4.  ]], dtype=float32)");
    assert.equal(formatNumbers(d, [2, 2], like("[[1. 2.]\n [3. 4.]]")), "[[ 1.   -0.25]\n [ 3.    4.  ]]");
    assert.equal(formatNumbers(d, [2, 2], like("tensor([[1., 2.], [3., 4.]], device='cuda:0', requires_grad=True)")),
      "tensor([[ 1.00, -0.25],\n        [ 3.00,  4.00]], device='cuda:0')");
    assert.equal(formatNumbers(d, [2, 2], like("[[1, 2], [3, 4]]")), "[[1.0, -0.25],\n [3.0, 4.0]]");
    assert.equal(formatNumbers(d, [2, 2], like("[1 2; 3 4]")), "[1 -0.25; 3 4]");
    assert.equal(formatNumbers(d, [2, 2], like("Float32[1.0 2.0; 3.0 4.0]")), "Float32[1.0 -0.25; 3.0 4.0]");
    assert.equal(formatNumbers(d, [2, 2], like("a,b\n1,2")), "a,b\n1.0,-0.25\n3.0,4.0");
    assert.equal(formatNumbers(d, [2, 2], like("tf.Tensor(\n[[1. 2.]\n [3. 4.]], shape=(2, 2), dtype=float32)")),
      "tf.Tensor(\n[[ 1.   -0.25]\n [ 3.    4.  ]], shape=(2, 2), dtype=float32)");
    assert.equal(formatNumbers(Float64Array.from([0.5]), [], like("tensor(1.)")), "tensor(0.5)");
    assert.equal(formatNumbers(Float32Array.from([0.1]), [1], like("[1.5]")), "[0.1]");
    assert.equal(formatNumbers(Float64Array.from([1e-5, 1e5]), [2], like("array([1., 2.])")), "array([1.e-05, 1.e+05])");
    assert.equal(formatNumbers(Float64Array.from([NaN, Infinity]), [2], like("[1.0, 2.0]")), "[NaN, Infinity]");
    assert.equal(formatNumbers(Float64Array.from([1, 0]), [2], like("array([ True, False])")), "array([ True, False])");
    assert.equal(formatNumbers(Float64Array.from([1, 0.5]), [2], like("array([ True, False])")), "array([1. , 0.5])");
  });

  it("reads CSV headers as Python's csv module quotes them (a delimiter or a quote inside a name), and writes them back", () => {
    const text = '"a,b",c,"say ""hi"""\r\n1,2,3\r\n-4,5,-6';
    const p = parseNumbers(text);
    assert.equal(p.format, "csv");
    assert.deepEqual(p.columnLabels, ["a,b", "c", 'say "hi"']);
    assert.deepEqual(p.shape, [2, 3]);
    const back = parseNumbers(formatNumbers(p.data.map((v) => Math.max(0, v)), p.shape, p));
    assert.deepEqual(back.columnLabels, p.columnLabels);
    assert.deepEqual([...back.data], [1, 2, 3, 0, 5, 0]);
    assert.deepEqual(parseNumbers("'x', 'y'\n1, 2").columnLabels, ["x", "y"]);
  });

  const reprints = loadFixtures().filter((f) => f.reprint === true);
  it("has reprint fixtures (numpy's own line wrapping)", () => assert.ok(reprints.length >= 10, String(reprints.length)));
  for (const f of reprints) {
    it(`writes ${f.name} back exactly as numpy printed it (line wrapping, dtype line)`, () => {
      const p = parseNumbers(f.text);
      const data = p.dtype === "float32" ? Float32Array.from(p.data) : p.data;
      assert.equal(formatNumbers(data, p.shape, p), f.text);
    });
  }

  it("wraps long rows: numpy within 75 columns, torch within 80, a big MATLAB matrix one row a line", () => {
    const data = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 10);
    const cases: [string, number[], number][] = [
      ["array([1., 2.])", [1, 1000], 75],
      ["[1. 2.]", [1000], 75],
      ["tensor([1., 2.])", [1, 1000], 80],
      ["tensor([1., 2.], dtype=torch.float64, requires_grad=True)", [1000], 80],
      ["[1 2; 3 4]", [10, 100], 2000],
    ];
    for (const [likeText, shape, width] of cases) {
      const like = parseNumbers(likeText);
      const out = formatNumbers(data, shape, like);
      const longest = Math.max(...out.split("\n").map((l) => l.length));
      assert.ok(longest <= width, `${like.format}: a line of ${longest} characters`);
      const back = parseNumbers(out);
      assert.deepEqual(back.shape, shape);
      assert.ok(back.data.every((v, i) => Math.abs(v - data[i]) <= 1e-4 * Math.max(1, Math.abs(data[i]))), like.format);
    }
    assert.equal(formatNumbers(data, [10, 100], parseNumbers("[1 2; 3 4]")).split("\n").length, 10);
  });

  it("rejects data that does not fill the shape", () => {
    assert.throws(() => formatNumbers(new Float64Array(3), [2, 2], parseNumbers("[1]")), RangeError);
  });
});
