/**
 * Prints that wrap a nested list in a constructor-like text:
 * numpy `array(…, dtype=…)`, torch `tensor(…, device=…, dtype=…, requires_grad=…, grad_fn=<…>)`
 * (optionally after `Parameter containing:`), JAX `Array(…, dtype=…)`, TensorFlow
 * `tf.Tensor(…, shape=(…), dtype=…)` and `<tf.Tensor: shape=…, dtype=…, numpy=…>` /
 * `<tf.Variable 'name' shape=… dtype=…, numpy=…>`.
 */
import { parseShape, readKwargs, readValueEnd, skipSpace } from "./attrs";
import type { ParseContext } from "./context";
import { inferDtype, normalizeDtype } from "./dtype";
import { quoteAt } from "./errors";
import { finishNested } from "./finish";
import { readNested, type NestedResult } from "./nested";
import type { ParsedNumbers, ParseFormat } from "./types";

/** What a wrapper read: its nested value, keyword arguments and where it ends. */
interface Wrapped {
  res: NestedResult;
  attrs: Record<string, string>;
  end: number;
}

/** Reads `VALUE kwargs )` from `i` (just after `name(`). */
function readCall(ctx: ParseContext, i: number, name: string, format: ParseFormat): Wrapped {
  const family = format === "torch-repr" ? "torch" : "numpy";
  const res = readNested(ctx, i, { family });
  const attrs: Record<string, string> = {};
  const end = readKwargs(ctx, res.end, 41, attrs, name);
  return { res, attrs, end };
}

function expectEnd(ctx: ParseContext, i: number, end: number): void {
  const j = skipSpace(ctx.text, i);
  if (j < end) {
    const c = ctx.text.charCodeAt(j);
    if (c === 93 || c === 41) {
      throw ctx.error(`the selection seems to cut a tensor: '${String.fromCharCode(c)}' without its opening bracket`, j);
    }
    throw ctx.error(`unexpected text after the tensor: ${quoteAt(ctx.text, j)}`, j);
  }
}

function dtypeOf(ctx: ParseContext, attrs: Record<string, string>, at: number): string | undefined {
  const d = attrs.dtype;
  if (d === undefined) {
    return undefined;
  }
  const n = normalizeDtype(d);
  if (n === "complex") {
    throw ctx.error("complex numbers are not supported", at);
  }
  return n;
}

function statedShape(ctx: ParseContext, attrs: Record<string, string>, key: string, at: number): number[] | undefined {
  const s = attrs[key];
  if (s === undefined) {
    return undefined;
  }
  const shape = parseShape(s);
  if (shape === null) {
    if (s.includes("None")) {
      return undefined; // a partly unknown shape: nothing to check
    }
    throw ctx.error(`cannot read the printed ${key}=${s}`, at);
  }
  return shape;
}

/** torch: `tensor(...)` at `i` (index of `tensor(`), `parameter` when it followed `Parameter containing:`. */
export function readTorch(ctx: ParseContext, i: number, end: number, parameter: boolean): ParsedNumbers {
  const w = readCall(ctx, i + 7, "tensor", "torch-repr");
  expectEnd(ctx, w.end, end);
  if (parameter) {
    w.attrs.parameter = "True";
  }
  const dtype = dtypeOf(ctx, w.attrs, i) ?? inferDtype(w.res.kinds, "float32", "int64");
  return finishNested(ctx, w.res, "torch-repr", {
    dtype,
    attributes: w.attrs,
    stated: statedShape(ctx, w.attrs, "size", i),
    statedAt: i,
  });
}

/** numpy: `array(...)` at `i`. */
export function readNumpyRepr(ctx: ParseContext, i: number, end: number): ParsedNumbers {
  const r = readNumpyReprAt(ctx, i);
  expectEnd(ctx, r.end, end);
  return finishNested(ctx, r.res, "numpy-repr", { dtype: r.dtype, attributes: r.attrs, stated: r.stated, statedAt: i });
}

function readNumpyReprAt(ctx: ParseContext, i: number): Wrapped & { dtype: string; stated: number[] | undefined } {
  const w = readCall(ctx, i + 6, "array", "numpy-repr");
  const dtype = dtypeOf(ctx, w.attrs, i) ?? inferDtype(w.res.kinds, "float64", "int64");
  return { ...w, dtype, stated: statedShape(ctx, w.attrs, "shape", i) };
}

/** JAX: `Array(...)` or `DeviceArray(...)` at `i`; `open` is the index after `(`. */
export function readJax(ctx: ParseContext, i: number, open: number, end: number): ParsedNumbers {
  const w = readCall(ctx, open, "Array", "jax-array");
  expectEnd(ctx, w.end, end);
  const dtype = dtypeOf(ctx, w.attrs, i) ?? inferDtype(w.res.kinds, "float32", "int32");
  return finishNested(ctx, w.res, "jax-array", { dtype, attributes: w.attrs });
}

/** TensorFlow `print(t)`: `tf.Tensor(VALUE, shape=(…), dtype=…)` at `i`. */
export function readTfTensor(ctx: ParseContext, i: number, end: number): ParsedNumbers {
  const w = readCall(ctx, i + 10, "tf.Tensor", "tf-tensor");
  expectEnd(ctx, w.end, end);
  const dtype = dtypeOf(ctx, w.attrs, i) ?? inferDtype(w.res.kinds, "float32", "int32");
  return finishNested(ctx, w.res, "tf-tensor", {
    dtype,
    attributes: w.attrs,
    stated: statedShape(ctx, w.attrs, "shape", i),
    statedAt: i,
  });
}

/**
 * TensorFlow `repr(t)`: `<tf.Tensor: shape=(…), dtype=…, numpy=VALUE>` or
 * `<tf.Variable 'name:0' shape=(…) dtype=…, numpy=VALUE>` at `i`; VALUE is a numpy repr or a scalar.
 */
export function readTfEager(ctx: ParseContext, i: number, end: number): ParsedNumbers {
  const text = ctx.text;
  const attrs: Record<string, string> = {};
  let j = i + (text.startsWith("<tf.Tensor", i) ? 10 : 12);
  if (text.charCodeAt(j) === 58) {
    j++; // ':'
  }
  // attributes up to `numpy=`
  for (;;) {
    j = skipSpace(text, j);
    let c = text.charCodeAt(j);
    if (c === 44) {
      j = skipSpace(text, j + 1);
      c = text.charCodeAt(j);
    }
    if (c === 39 || c === 34) {
      const e = readValueEnd(ctx, j, 62);
      attrs.name = text.slice(j, e);
      j = e;
      continue;
    }
    const k0 = j;
    while ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) {
      c = text.charCodeAt(++j);
    }
    if (j === k0 || c !== 61) {
      if (c !== c) {
        throw ctx.error("the selection seems to cut a tensor: the '<tf.Tensor' is not closed", j);
      }
      throw ctx.error(`expected shape=, dtype= or numpy=, found ${quoteAt(text, k0)}`, k0);
    }
    const key = text.slice(k0, j);
    j++;
    if (key === "numpy") {
      break;
    }
    const e = readValueEnd(ctx, j, 62);
    attrs[key] = text.slice(j, e);
    j = e;
  }
  j = skipSpace(text, j);
  let res: NestedResult;
  if (text.startsWith("array(", j)) {
    const r = readNumpyReprAt(ctx, j);
    res = r.res;
    j = r.end;
  } else {
    res = readNested(ctx, j, { family: "numpy" });
    j = res.end;
  }
  j = skipSpace(text, j);
  if (text.charCodeAt(j) !== 62) {
    if (j >= end) {
      throw ctx.error("the selection seems to cut a tensor: the '<tf.Tensor' is not closed", j);
    }
    throw ctx.error(`expected '>', found ${quoteAt(text, j)}`, j);
  }
  expectEnd(ctx, j + 1, end);
  const dtype = dtypeOf(ctx, attrs, i) ?? inferDtype(res.kinds, "float32", "int32");
  return finishNested(ctx, res, "tf-eager-repr", {
    dtype,
    attributes: attrs,
    stated: statedShape(ctx, attrs, "shape", i),
    statedAt: i,
  });
}
