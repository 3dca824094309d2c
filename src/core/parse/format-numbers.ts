/**
 * `formatNumbers`: writes values back in the format family of a parsed selection, so that
 * `parseNumbers(formatNumbers(data, shape, like))` reads the same values (exactly) and shape.
 *
 * Values are written with the fewest digits that read back exactly: shortest binary64 digits for a
 * Float64Array, shortest binary32 digits for a Float32Array (so float32 results print like numpy
 * prints float32). Spelling follows the format: numpy/TF/JAX `1.`, `1.e-05`, `nan`, `inf`; torch
 * `1.0000` (fraction digits padded with zeros to a common width, as torch does); Python `1.0`, `1e-05`;
 * JSON as Python's `json.dumps` writes (`NaN`, `Infinity`); MATLAB/Julia `NaN`, `Inf`.
 *
 * The dtype written is `like.dtype` when the values fit it (integers for int dtypes, 0/1 for bool);
 * otherwise a float dtype (float32 for a Float32Array, else the tool's default float). Kept from
 * `like`: torch's `device`, TF's variable-free tensor form, Julia's element type, table column labels.
 * Not kept: `requires_grad`, `grad_fn` (new values have no autograd history). Tables and MATLAB
 * matrices are 2-D: 0-D and 1-D data become one row, higher ranks become `[prod(leading), last]`
 * (and a one-column CSV/TSV has no delimiter left, so it reads back as `whitespace`); Julia literals
 * of rank > 3 fold the trailing axes into the third.
 * Summarised prints are not reproduced: every value is written.
 */
import { roundToFloat16 } from "../kernels/round";
import type { ParsedNumbers } from "./types";

type Data = Float64Array | Float32Array;

/** Decimal digits and exponent of the shortest repr: value = 0.d1d2… × 10^(exp+1), i.e. d1.d2… × 10^exp. */
interface Digits {
  neg: boolean;
  digits: string;
  exp: number;
}

/**
 * The shortest digits that read back as `x`: as a double, or — with `round` (the tensor's storage type: float32,
 * float16, bfloat16) — as the same value of that type, the way numpy prints a float32 or float16 array.
 */
function shortestDigits(x: number, f32: boolean, narrow?: (v: number) => number): Digits {
  let s: string;
  // a value of the narrow type reads back through it; any other value (a caller's wider data) as usual
  const round = narrow !== undefined && narrow(x) === x ? narrow : f32 ? Math.fround : undefined;
  if (round !== undefined) {
    s = x.toExponential();
    for (let p = 1; p <= 9; p++) {
      const t = x.toExponential(p - 1);
      if (round(Number(t)) === round(x)) {
        s = t;
        break;
      }
    }
  } else {
    s = x.toExponential();
  }
  const neg = s.charCodeAt(0) === 45;
  if (neg) {
    s = s.slice(1);
  }
  const ePos = s.indexOf("e");
  const mant = s.slice(0, ePos).replace(".", "");
  const exp = Number(s.slice(ePos + 1));
  return { neg: neg || Object.is(x, -0), digits: mant.replace(/0+$/, "") || "0", exp };
}

/** Positional digits: integer part and fraction part (no sign). */
function positional(d: Digits): { int: string; frac: string } {
  const k = d.exp + 1; // digits before the point
  if (k <= 0) {
    return { int: "0", frac: "0".repeat(-k) + d.digits };
  }
  if (k >= d.digits.length) {
    return { int: d.digits + "0".repeat(k - d.digits.length), frac: "" };
  }
  return { int: d.digits.slice(0, k), frac: d.digits.slice(k) };
}

function expText(e: number, minDigits: number): string {
  const a = String(Math.abs(e)).padStart(minDigits, "0");
  return (e < 0 ? "-" : "+") + a;
}

/** Python's float repr: `1.0`, `0.25`, `1e-05`, `1.5e+16`, `nan`, `inf`. */
export function pythonRepr(x: number, f32 = false): string {
  if (x !== x) {
    return "nan";
  }
  if (!Number.isFinite(x)) {
    return x > 0 ? "inf" : "-inf";
  }
  const d = shortestDigits(x, f32);
  const sign = d.neg ? "-" : "";
  if (x === 0) {
    return sign + "0.0";
  }
  if (d.exp >= -4 && d.exp < 16) {
    const p = positional(d);
    return `${sign}${p.int}.${p.frac === "" ? "0" : p.frac}`;
  }
  const m = d.digits.length > 1 ? `${d.digits[0]}.${d.digits.slice(1)}` : d.digits;
  return `${sign}${m}e${expText(d.exp, 2)}`;
}

/** JS-like shortest text: `1`, `-0.25`, `1e-7`, `1.5e+21` (what MATLAB prints with `format long g`, roughly). */
function plainRepr(x: number, f32: boolean): string {
  const d = shortestDigits(x, f32);
  const sign = d.neg ? "-" : "";
  if (x === 0) {
    return sign + "0";
  }
  if (d.exp >= -7 && d.exp < 21) {
    const p = positional(d);
    return `${sign}${p.int}${p.frac === "" ? "" : "." + p.frac}`;
  }
  const m = d.digits.length > 1 ? `${d.digits[0]}.${d.digits.slice(1)}` : d.digits;
  return `${sign}${m}e${d.exp < 0 ? "-" : "+"}${Math.abs(d.exp)}`;
}

/** Julia's float text: `1.0`, `-0.25`, `1.0e-5`, `1.5e21`. */
function juliaRepr(x: number, f32: boolean): string {
  const d = shortestDigits(x, f32);
  const sign = d.neg ? "-" : "";
  if (x === 0) {
    return sign + "0.0";
  }
  if (d.exp >= -5 && d.exp < 16) {
    const p = positional(d);
    return `${sign}${p.int}.${p.frac === "" ? "0" : p.frac}`;
  }
  const m = `${d.digits[0]}.${d.digits.length > 1 ? d.digits.slice(1) : "0"}`;
  return `${sign}${m}e${d.exp}`;
}

type Style = "numpy" | "torch" | "python" | "json" | "matlab" | "julia";

function isIntDtype(dtype: string | undefined): boolean {
  return dtype !== undefined && /^u?int(8|16|32|64)$/.test(dtype);
}

/** All values are integers (−0 is not: an int dtype cannot hold it). */
function allIntegral(data: Data): boolean {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isInteger(data[i]) || Object.is(data[i], -0)) {
      return false;
    }
  }
  return true;
}

function allBool(data: Data): boolean {
  for (let i = 0; i < data.length; i++) {
    if ((data[i] !== 0 && data[i] !== 1) || Object.is(data[i], -0)) {
      return false;
    }
  }
  return true;
}

/** The dtype to write: `like`'s when the values fit it, else a float dtype. */
function outDtype(data: Data, likeDtype: string | undefined, floatDefault: string): string {
  if (likeDtype === "bool") {
    return allBool(data) ? "bool" : data instanceof Float32Array ? "float32" : floatDefault;
  }
  if (isIntDtype(likeDtype)) {
    return allIntegral(data) ? (likeDtype as string) : data instanceof Float32Array ? "float32" : floatDefault;
  }
  if (likeDtype !== undefined && /^(b?float(16|32|64))$/.test(likeDtype)) {
    return likeDtype;
  }
  return data instanceof Float32Array ? "float32" : floatDefault;
}

/** Formats every value of an array into equal-width cells for a style. */
function cells(data: Data, dtype: string | undefined, style: Style): string[] {
  const n = data.length;
  const out = new Array<string>(n);
  const f32 = data instanceof Float32Array;
  if (dtype === "bool") {
    const t = style === "json" || style === "julia" ? "true" : style === "matlab" ? "1" : "True";
    const f = style === "json" || style === "julia" ? "false" : style === "matlab" ? "0" : "False";
    for (let i = 0; i < n; i++) {
      out[i] = data[i] !== 0 ? t : f;
    }
    return style === "numpy" || style === "torch" ? pad(out, "left") : out;
  }
  if (isIntDtype(dtype)) {
    for (let i = 0; i < n; i++) {
      out[i] = Object.is(data[i], -0) ? "0" : BigIntString(data[i]);
    }
    return style === "numpy" || style === "torch" ? pad(out, "left") : out;
  }
  if (style === "python" || style === "json") {
    for (let i = 0; i < n; i++) {
      const x = data[i];
      out[i] = style === "json" && !Number.isFinite(x) ? (x !== x ? "NaN" : x > 0 ? "Infinity" : "-Infinity") : pythonRepr(x, f32);
    }
    return out;
  }
  if (style === "matlab" || style === "julia") {
    for (let i = 0; i < n; i++) {
      const x = data[i];
      if (x !== x) {
        out[i] = "NaN";
      } else if (!Number.isFinite(x)) {
        out[i] = x > 0 ? "Inf" : "-Inf";
      } else {
        out[i] = style === "julia" ? juliaRepr(x, f32) : plainRepr(x, f32);
      }
    }
    return out;
  }
  // numpy / torch: one layout for the whole array, positional or scientific. A float16 value prints with float16's
  // shortest digits, as numpy prints it (0.0999755859375 as 0.1); bfloat16 (torch only, which prints the value
  // itself) keeps the value's own digits — its shortest would turn 992 into 990.
  const narrow = dtype === "float16" ? roundToFloat16 : undefined;
  let maxAbs = 0;
  let minAbs = Infinity;
  const digs: (Digits | null)[] = new Array<Digits | null>(n);
  for (let i = 0; i < n; i++) {
    const x = data[i];
    if (Number.isFinite(x)) {
      const a = Math.abs(x);
      if (a > maxAbs) {
        maxAbs = a;
      }
      if (a !== 0 && a < minAbs) {
        minAbs = a;
      }
      digs[i] = shortestDigits(x, f32, narrow);
    } else {
      digs[i] = null;
    }
  }
  const sci = maxAbs >= 1e16 || (minAbs !== Infinity && (minAbs < 1e-4 || maxAbs / minAbs > 1e3));
  const special = (x: number): string => (x !== x ? "nan" : x > 0 ? "inf" : "-inf");
  if (sci) {
    let fracW = 0;
    for (const d of digs) {
      if (d) {
        fracW = Math.max(fracW, d.digits.length - 1);
      }
    }
    if (style === "torch") {
      fracW = Math.max(fracW, 1);
    }
    for (let i = 0; i < n; i++) {
      const d = digs[i];
      if (!d) {
        out[i] = special(data[i]);
        continue;
      }
      let frac = d.digits.slice(1);
      const e = data[i] === 0 ? 0 : d.exp;
      frac = frac.padEnd(fracW, "0"); // numpy and torch both pad a scientific mantissa with zeros
      out[i] = `${d.neg ? "-" : ""}${d.digits[0]}.${frac}e${expText(e, 2)}`;
    }
    return pad(out, "left");
  }
  const ints: string[] = new Array<string>(n);
  const fracs: string[] = new Array<string>(n);
  let fracW = 0;
  for (let i = 0; i < n; i++) {
    const d = digs[i];
    if (!d) {
      continue;
    }
    const p = data[i] === 0 ? { int: "0", frac: "" } : positional(d);
    ints[i] = (d.neg ? "-" : "") + p.int;
    fracs[i] = p.frac;
    fracW = Math.max(fracW, p.frac.length);
  }
  for (let i = 0; i < n; i++) {
    if (!digs[i]) {
      out[i] = special(data[i]);
    } else if (style === "torch") {
      out[i] = `${ints[i]}.${fracs[i].padEnd(fracW, "0")}`;
    } else {
      out[i] = `${ints[i]}.${fracs[i].padEnd(fracW, " ")}`;
    }
  }
  return pad(out, "left");
}

/** Exact decimal text of an integer-valued double. */
function BigIntString(x: number): string {
  return Math.abs(x) < 1e21 ? x.toFixed(0) : BigInt(x).toString();
}

function pad(a: string[], side: "left"): string[] {
  let w = 0;
  for (const s of a) {
    w = Math.max(w, s.length);
  }
  void side;
  return a.map((s) => s.padStart(w, " "));
}

/**
 * Nested brackets over `shape`: items joined by `sep`; rows of depth d broken onto new lines
 * indented to line up under the first bracket (`indent` = chars before the outer `[`).
 */
/**
 * How a long innermost row wraps: as numpy does (greedy: an element that would pass `width` minus the closing
 * characters starts a new line; `suffix` = what follows the array on its last line, `,` before a dtype or `)`)
 * or as torch does (a fixed number of equal-width elements a line, (80 − indent) / (width + 2)).
 */
type Wrap = { kind: "numpy"; width: number; suffix: number } | { kind: "torch"; width: number };

/**
 * Nested brackets around the cells, rows on their own lines indented under their brackets; with `wrap`, long
 * rows continue on lines aligned under the row's first element (`indent` = the columns before the outer
 * bracket, e.g. `array(`), as numpy's and torch's prints do.
 */
function nested(c: string[], shape: readonly number[], sep: string, indent: number, blankBetweenBlocks: boolean, wrap?: Wrap): string {
  const rank = shape.length;
  if (rank === 0) {
    return c[0];
  }
  const parts: string[] = [];
  let k = 0;
  let col = indent; // the current line's length so far
  const push = (t: string): void => {
    parts.push(t);
    const nl = t.lastIndexOf("\n");
    col = nl < 0 ? col + t.length : t.length - nl - 1;
  };
  // numpy: the row's last axis may fill up to elemWidth (its linewidth less the suffix, one column per enclosing
  // bracket and one for the separator or the closing bracket); torch: perLine elements a line.
  const elemWidth = wrap?.kind === "numpy" ? wrap.width - wrap.suffix - rank : Infinity;
  const perLine =
    wrap?.kind === "torch" && c.length > 0 ? Math.max(1, Math.floor((wrap.width - (indent + rank - 1)) / (c[0].length + 2))) : Infinity;
  const rec = (axis: number): void => {
    push("[");
    const len = shape[axis];
    for (let i = 0; i < len; i++) {
      if (i > 0) {
        if (axis === rank - 1) {
          if (col + sep.length + c[k].length > elemWidth || i % perLine === 0) {
            // the line is right-stripped as numpy does: after a `,` nothing to strip; with a blank separator the
            // last cell's padding goes too
            if (sep.trim() === "") {
              parts[parts.length - 1] = parts[parts.length - 1].trimEnd();
            }
            push(sep.trimEnd());
            push("\n" + " ".repeat(indent + axis + 1));
          } else {
            push(sep);
          }
        } else {
          push(sep.trimEnd());
          const blank = blankBetweenBlocks ? rank - axis - 2 : 0;
          push("\n".repeat(1 + blank) + " ".repeat(indent + axis + 1));
        }
      }
      if (axis === rank - 1) {
        push(c[k++]);
      } else {
        rec(axis + 1);
      }
    }
    push("]");
  };
  rec(0);
  return parts.join("");
}

/** numpy's default `linewidth`; torch's print options use 80. */
const NUMPY_WIDTH = 75;
const TORCH_WIDTH = 80;
const TORCH_WRAP: Wrap = { kind: "torch", width: TORCH_WIDTH };

function shapeText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function as2d(shape: readonly number[]): [number, number] {
  if (shape.length === 0) {
    return [1, 1];
  }
  if (shape.length === 1) {
    return [1, shape[0]];
  }
  const last = shape[shape.length - 1];
  return [product(shape.slice(0, -1)), last];
}

const JULIA_TYPES: Readonly<Record<string, string>> = {
  float16: "Float16",
  float32: "Float32",
  float64: "Float64",
  int8: "Int8",
  int16: "Int16",
  int32: "Int32",
  int64: "Int64",
  uint8: "UInt8",
  uint16: "UInt16",
  uint32: "UInt32",
  uint64: "UInt64",
  bool: "Bool",
};

/** numpy `array(...)` text (also the body of TF/JAX reprs); `prefix` is what precedes the `[`. */
function numpyRepr(data: Data, shape: readonly number[], dtype: string, prefix: string, showDtype: boolean): string {
  const c = cells(data, dtype, "numpy");
  const wrap: Wrap = { kind: "numpy", width: NUMPY_WIDTH, suffix: 1 }; // `,` before the dtype, or `)`
  const body = product(shape) === 0 ? "[]" : nested(c, shape, ", ", prefix.length, true, wrap);
  const head = product(shape) === 0 && shape.length > 1 ? `${prefix}${body}, shape=${shapeText(shape)}` : `${prefix}${body}`;
  if (!showDtype) {
    return `${head})`;
  }
  // numpy puts the dtype on its own line when it would pass the line width
  const dtypeText = `dtype=${dtype})`;
  const lastLine = head.length + 1 - (head.lastIndexOf("\n") + 1);
  const spacer = lastLine + dtypeText.length + 1 > NUMPY_WIDTH ? `\n${" ".repeat(prefix.length)}` : " ";
  return `${head},${spacer}${dtypeText}`;
}

function numpyStr(data: Data, shape: readonly number[], dtype: string): string {
  const c = cells(data, dtype, "numpy");
  return product(shape) === 0 && shape.length > 0 ? "[]" : nested(c, shape, " ", 0, true, { kind: "numpy", width: NUMPY_WIDTH, suffix: 0 });
}

/**
 * Writes `data` (row-major, of `shape`) in the format of `like` (a `parseNumbers` result), so that
 * `parseNumbers` reads it back with the same values and, except for the 2-D-only formats noted
 * above, the same shape.
 */
export function formatNumbers(data: Float64Array | Float32Array, shape: number[], like: ParsedNumbers): string {
  const size = product(shape);
  if (data.length !== size) {
    throw new RangeError(`formatNumbers: data has ${data.length} values but shape (${shape.join(", ")}) holds ${size}`);
  }
  const rank = shape.length;
  switch (like.format) {
    case "json":
      return nested(cells(data, outDtype(data, like.dtype, "float64") === "bool" ? "bool" : isIntDtype(like.dtype) && allIntegral(data) ? like.dtype : undefined, "json"), shape, ", ", 0, false);
    case "python-list":
      return nested(cells(data, like.dtype === "bool" && allBool(data) ? "bool" : isIntDtype(like.dtype) && allIntegral(data) ? like.dtype : undefined, "python"), shape, ", ", 0, false);
    case "scalar":
      if (rank === 0 || size === 1) {
        return cells(data, undefined, "python")[0];
      }
      return nested(cells(data, undefined, "python"), shape, ", ", 0, false);
    case "numpy-repr": {
      const dtype = outDtype(data, like.dtype, "float64");
      return numpyRepr(data, shape, dtype, "array(", !["float64", "int64", "bool"].includes(dtype));
    }
    case "numpy-str":
      return numpyStr(data, shape, outDtype(data, like.dtype, "float64"));
    case "jax-array": {
      const dtype = outDtype(data, like.dtype, "float32");
      return numpyRepr(data, shape, dtype, "Array(", true);
    }
    case "tf-tensor": {
      const dtype = outDtype(data, like.dtype, "float32");
      const body = numpyStr(data, shape, dtype);
      return `tf.Tensor(${body.includes("\n") ? "\n" : ""}${body}, shape=${shapeText(shape)}, dtype=${dtype})`;
    }
    case "tf-eager-repr": {
      const dtype = outDtype(data, like.dtype, "float32");
      const value =
        rank === 0
          ? cells(data, dtype, "numpy")[0].trim()
          : numpyRepr(data, shape, dtype, "array(", !["float64", "int64", "bool"].includes(dtype));
      return `<tf.Tensor: shape=${shapeText(shape)}, dtype=${dtype}, numpy=${value.includes("\n") ? "\n" : ""}${value}>`;
    }
    case "torch-repr": {
      const dtype = outDtype(data, like.dtype, "float32");
      const c = cells(data, dtype, "torch");
      const body = rank === 0 ? c[0].trim() : size === 0 ? "[]" : nested(c, shape, ", ", 7, true, TORCH_WRAP);
      const kw: string[] = [];
      if (size === 0 && rank > 1) {
        kw.push(`size=${shapeText(shape)}`);
      }
      const device = like.attributes?.device;
      if (device !== undefined && device !== "'cpu'") {
        kw.push(`device=${device}`);
      }
      if (!["float32", "int64", "bool"].includes(dtype)) {
        kw.push(`dtype=torch.${dtype}`);
      }
      const head = like.attributes?.parameter === "True" ? "Parameter containing:\n" : "";
      // torch's _add_suffixes: a suffix that would pass the line width goes on a new line indented by `tensor(`
      let out = `tensor(${body}`;
      let last = out.length - out.lastIndexOf("\n") + 1; // torch's own count (one more than the line when wrapped)
      for (const k of kw) {
        if (last + k.length + 2 > TORCH_WIDTH) {
          out += `,\n${" ".repeat(7)}${k}`;
          last = 7 + k.length;
        } else {
          out += `, ${k}`;
          last += k.length + 2;
        }
      }
      return `${head}${out})`;
    }
    case "matlab": {
      const [r, cN] = as2d(shape);
      const c = cells(data, like.dtype === "bool" && allBool(data) ? "bool" : undefined, "matlab");
      const rows: string[] = [];
      for (let i = 0; i < r; i++) {
        rows.push(c.slice(i * cN, (i + 1) * cN).join(" "));
      }
      // A single row gets a trailing ';' (valid MATLAB) so that it does not read as a numpy str. A matrix that
      // does not fit one line of 75 columns gets one row a line, as MATLAB displays it.
      const oneLine = `[${rows.join("; ")}${r === 1 ? ";" : ""}]`;
      return oneLine.length <= NUMPY_WIDTH || r === 1 ? oneLine : `[${rows.join(";\n ")}]`;
    }
    case "julia":
    case "julia-display":
      return formatJulia(data, shape, like);
    case "csv":
    case "tsv":
    case "whitespace": {
      const [r, cN] = as2d(shape);
      const delim = like.format === "csv" ? "," : like.format === "tsv" ? "\t" : " ";
      const c = cells(data, undefined, "python");
      const lines: string[] = [];
      if (like.columnLabels && like.columnLabels.length === cN) {
        // quoted as Python's csv module quotes (a delimiter or a quote inside: in "…", quotes doubled)
        lines.push(like.columnLabels.map((l) => (l.includes(delim) || l.includes('"') || l === "" ? `"${l.replace(/"/g, '""')}"` : l)).join(delim));
      }
      for (let i = 0; i < r; i++) {
        lines.push(c.slice(i * cN, (i + 1) * cN).join(delim));
      }
      return lines.join("\n");
    }
  }
}

function formatJulia(data: Data, shape: readonly number[], like: ParsedNumbers): string {
  const rank = shape.length;
  const dtype = like.dtype !== undefined ? outDtype(data, like.dtype, "float64") : undefined;
  const c = cells(data, dtype === "bool" ? "bool" : isIntDtype(dtype) ? dtype : undefined, "julia");
  // Julia literals always carry their element type (`Float64[...]` is valid Julia), which marks them as Julia.
  const jt = dtype !== undefined ? (JULIA_TYPES[dtype] ?? "Float64") : like.format === "julia" ? "Float64" : undefined;
  if (like.format === "julia-display") {
    const t = jt ?? "Float64";
    if (rank <= 1) {
      const n = rank === 0 ? 1 : shape[0];
      return [`${n}-element Vector{${t}}:`, ...c.map((s) => " " + s)].join("\n");
    }
    const head =
      rank === 2 ? `${shape.join("×")} Matrix{${t}}:` : `${shape.join("×")} Array{${t}, ${rank}}:`;
    const [r, cN] = [shape[0], shape[1]];
    const inner = product(shape.slice(2));
    const w = c.reduce((m, s) => Math.max(m, s.length), 0);
    const block = (k: number): string[] => {
      const lines: string[] = [];
      for (let i = 0; i < r; i++) {
        const row: string[] = [];
        for (let j = 0; j < cN; j++) {
          row.push(c[(i * cN + j) * inner + k].padStart(w, " "));
        }
        lines.push(" " + row.join("  "));
      }
      return lines;
    };
    if (rank === 2) {
      return [head, ...block(0)].join("\n");
    }
    const out: string[] = [head];
    const trailing = shape.slice(2);
    for (let ord = 0; ord < inner; ord++) {
      // Julia shows slices with the first trailing index fastest.
      let rem = ord;
      const ks: number[] = [];
      for (const d of trailing) {
        ks.push(rem % d);
        rem = Math.floor(rem / d);
      }
      let k = 0;
      for (let m = 0; m < trailing.length; m++) {
        k = k * trailing[m] + ks[m];
      }
      if (ord > 0) {
        out.push("");
      }
      out.push(`[:, :, ${ks.map((x) => x + 1).join(", ")}] =`);
      for (const line of block(k)) {
        out.push(line); // not push(...lines): a block can have more lines than a call takes arguments
      }
    }
    return out.join("\n");
  }
  const prefix = jt ?? "";
  if (rank <= 1) {
    return `${prefix}[${c.join(", ")}]`;
  }
  const [r, cN] = [shape[0], shape[1]];
  const inner = product(shape.slice(2));
  if (rank === 2) {
    const rows: string[] = [];
    for (let i = 0; i < r; i++) {
      rows.push(c.slice(i * cN, (i + 1) * cN).join(" "));
    }
    return `${prefix}[${rows.join("; ")}]`;
  }
  // 3-D and higher: Julia's `;;;` slices along axis 3 (higher axes flattened into it).
  const slices: string[] = [];
  for (let k = 0; k < inner; k++) {
    const rows: string[] = [];
    for (let i = 0; i < r; i++) {
      const row: string[] = [];
      for (let j = 0; j < cN; j++) {
        row.push(c[(i * cN + j) * inner + k]);
      }
      rows.push(row.join(" "));
    }
    slices.push(rows.join("; "));
  }
  return `${prefix}[${slices.join(";;; ")}]`;
}
