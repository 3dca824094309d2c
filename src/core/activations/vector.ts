/**
 * Vector activations over the last axis of a row-major 2-D array: softmax, log_softmax, glu.
 *
 * Layout: `input` holds `rows` rows of equal length (the `rows` param, default 1 = the whole array is one row);
 * each row is one softmax (PyTorch's dim = −1). glu halves the row: out[r, j] = a_j·σ(b_j) with a the first and b
 * the second half. Float32 inputs are computed in float64 and rounded once on store.
 *
 * Numerics as torch: softmax subtracts the row max; log_softmax is (x − max) − log Σ e^(x − max). A row with
 * NaN or +∞, or with every entry −∞, gives all NaN (as torch).
 */
import type { ParamSpec } from "../types";
import { defineActivation, num, paramError, type RegisteredActivation, type ResolvedParams } from "./define";
import { ActivationParamError } from "./errors";
import { sigmoid as logistic } from "./numeric";

/** A float typed array: the vector ops return the same type as their input. */
export type FloatArray = Float64Array | Float32Array;

const rowsParam: ParamSpec = {
  name: "rows",
  kind: "number",
  default: 1,
  min: 1,
  description:
    "Layout, not a PyTorch argument: the number of rows of the row-major 2-D input (a positive integer dividing " +
    "its length). Each row is one vector, i.e. PyTorch's dim = −1.",
};

const dimParam: ParamSpec = {
  name: "dim",
  kind: "number",
  default: -1,
  min: -1,
  max: -1,
  description: "Only the last axis (−1) is supported; lay other axes out as rows.",
};

function checkRows(id: string) {
  return (p: ResolvedParams): void => {
    const rows = num(p, "rows");
    if (!Number.isInteger(rows)) {
      paramError(id, "rows", `rows (${rows}) must be an integer`);
    }
  };
}

const vectorProperties = { smooth: true, sparse: false } as const;

export const softmax: RegisteredActivation = defineActivation({
  id: "softmax",
  label: "Softmax",
  kind: "vector",
  aliases: ["Softmax"],
  params: [dimParam, rowsParam],
  validate: checkRows("softmax"),
  formula: {
    text: "softmax(x)_i = exp(x_i) / Σ_j exp(x_j)  (computed with the row max subtracted)",
    latex: String.raw`\operatorname{softmax}(x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}}`,
  },
  derivativeFormula: {
    text: "∂y_i/∂x_j = y_i·(δ_ij − y_j);  J·t = y ⊙ (t − ⟨y, t⟩)",
    latex: String.raw`\frac{\partial y_i}{\partial x_j} = y_i(\delta_{ij} - y_j),\quad J t = y \odot (t - \langle y, t\rangle)`,
  },
  range: { min: 0, max: 1, text: "(0, 1), each row sums to 1" },
  properties: { ...vectorProperties, monotonic: true, bounded: true, zeroCentred: false, saturating: true },
  kinks: () => [],
  summary:
    "Turns a vector of scores into probabilities: e^(x_i)/Σ e^(x_j), positive and summing to 1. Shift-invariant, " +
    "so the row max is subtracted first to avoid overflow.",
});

export const logSoftmax: RegisteredActivation = defineActivation({
  id: "log_softmax",
  label: "LogSoftmax",
  kind: "vector",
  aliases: ["LogSoftmax", "logsoftmax", "logSoftmax"],
  params: [dimParam, rowsParam],
  validate: checkRows("log_softmax"),
  formula: {
    text: "log_softmax(x)_i = x_i − log Σ_j exp(x_j) = (x_i − m) − log Σ_j exp(x_j − m), m = max x",
    latex: String.raw`\operatorname{log\_softmax}(x)_i = x_i - \log \sum_j e^{x_j}`,
  },
  derivativeFormula: {
    text: "∂y_i/∂x_j = δ_ij − softmax(x)_j;  J·t = t − ⟨softmax(x), t⟩",
    latex: String.raw`\frac{\partial y_i}{\partial x_j} = \delta_{ij} - \operatorname{softmax}(x)_j`,
  },
  range: { min: -Infinity, max: 0, text: "(−∞, 0]" },
  properties: { ...vectorProperties, monotonic: true, bounded: false, zeroCentred: false, saturating: true },
  kinks: () => [],
  summary:
    "Logarithm of softmax, computed directly as x − logsumexp(x) so that tiny probabilities keep their digits. " +
    "Pairs with NLL loss for cross-entropy.",
});

export const glu: RegisteredActivation = defineActivation({
  id: "glu",
  label: "GLU",
  kind: "vector",
  aliases: ["GLU"],
  params: [dimParam, rowsParam],
  validate: checkRows("glu"),
  formula: {
    text: "glu(a ‖ b) = a ⊙ σ(b), where the last axis is split into halves a and b",
    latex: String.raw`\operatorname{glu}(a \,\|\, b) = a \odot \sigma(b)`,
  },
  derivativeFormula: {
    text: "∂/∂a = σ(b), ∂/∂b = a·σ(b)·(1 − σ(b));  J·(t_a ‖ t_b) = t_a ⊙ σ(b) + a ⊙ σ′(b) ⊙ t_b",
    latex: String.raw`J\,(t_a \| t_b) = t_a \odot \sigma(b) + a \odot \sigma'(b) \odot t_b`,
  },
  range: { min: -Infinity, max: Infinity, text: "(−∞, ∞)" },
  properties: { ...vectorProperties, monotonic: false, bounded: false, zeroCentred: true, saturating: true },
  kinks: () => [],
  summary:
    "Gated linear unit: splits the last axis into halves a and b and returns a·σ(b), so the output has half the " +
    "width. The sigmoid half gates the linear half.",
});

/** The vector activation ids. */
export type VectorActivationId = "softmax" | "log_softmax" | "glu";

interface Layout {
  readonly rows: number;
  readonly cols: number;
  readonly outCols: number;
}

function layout(id: VectorActivationId, length: number, p: ResolvedParams): Layout {
  const rows = num(p, "rows");
  if (length % rows !== 0) {
    paramError(id, "rows", `rows (${rows}) must divide the input length (${length})`);
  }
  const cols = length / rows;
  if (id === "glu" && cols % 2 !== 0) {
    paramError(id, "rows", `glu halves the last axis, so its length (${cols}) must be even`);
  }
  return { rows, cols, outCols: id === "glu" ? cols / 2 : cols };
}

function allocate<T extends FloatArray>(like: T, length: number, out: T | undefined, id: string): T {
  if (out === undefined) {
    return (like instanceof Float32Array ? new Float32Array(length) : new Float64Array(length)) as T;
  }
  if (out.length !== length) {
    throw new ActivationParamError(id, undefined, `out has length ${out.length}, expected ${length}`);
  }
  return out;
}

/** Fills `e` with e^(x_j − m) for one row and returns m (the row max, NaN if the row has a NaN) and Σ e^(x_j − m). */
function rowExp(input: FloatArray, base: number, cols: number, e: Float64Array): { m: number; sum: number } {
  let m = -Infinity;
  let nan = false;
  for (let j = 0; j < cols; j++) {
    const v = input[base + j];
    if (v !== v) {
      nan = true;
    } else if (v > m) {
      m = v;
    }
  }
  if (nan) {
    m = NaN; // torch's max propagates NaN, so the whole row is NaN
  }
  let s = 0;
  for (let j = 0; j < cols; j++) {
    const v = Math.exp(input[base + j] - m);
    e[j] = v;
    s += v;
  }
  return { m, sum: s };
}

/**
 * Applies a vector activation to each row of a row-major 2-D array (see the file comment for the layout):
 * - softmax: y_i = e^(x_i − m)/Σ_j e^(x_j − m), m the row max;
 * - log_softmax: y_i = (x_i − m) − log Σ_j e^(x_j − m);
 * - glu: y_j = a_j·σ(b_j), a = first half of the row, b = second half (output rows are half as long).
 * `name` may be an alias. Returns `out` (allocated with the input's type when omitted).
 * Throws ActivationParamError for bad params, a `rows` that does not divide the length, an odd glu row, or an
 * `out` of the wrong length.
 */
export function applyVectorWith<T extends FloatArray>(
  id: VectorActivationId,
  p: ResolvedParams,
  input: T,
  out?: T,
): T {
  const { rows, cols, outCols } = layout(id, input.length, p);
  const y = allocate(input, rows * outCols, out, id);
  if (id === "glu") {
    for (let r = 0; r < rows; r++) {
      const base = r * cols;
      for (let j = 0; j < outCols; j++) {
        y[r * outCols + j] = input[base + j] * logistic(input[base + outCols + j]);
      }
    }
    return y;
  }
  const e = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    const { m, sum } = rowExp(input, base, cols, e);
    if (id === "softmax") {
      for (let j = 0; j < cols; j++) {
        y[base + j] = e[j] / sum;
      }
    } else {
      const logSum = Math.log(sum);
      for (let j = 0; j < cols; j++) {
        y[base + j] = input[base + j] - m - logSum;
      }
    }
  }
  return y;
}

/**
 * Jacobian-vector product J(x)·t of a vector activation, row by row (same layout as {@link applyVectorWith}):
 * - softmax: y ⊙ (t − ⟨y, t⟩) with y = softmax(x);
 * - log_softmax: t − ⟨softmax(x), t⟩;
 * - glu: t_a ⊙ σ(b) + a ⊙ σ(b)σ(−b) ⊙ t_b.
 * `tangent` has the input's length; the result has the output's length and the input's type.
 */
export function vectorJvpWith<T extends FloatArray>(
  id: VectorActivationId,
  p: ResolvedParams,
  input: T,
  tangent: FloatArray,
  out?: T,
): T {
  if (tangent.length !== input.length) {
    throw new ActivationParamError(id, undefined, `tangent has length ${tangent.length}, expected ${input.length}`);
  }
  const { rows, cols, outCols } = layout(id, input.length, p);
  const y = allocate(input, rows * outCols, out, id);
  if (id === "glu") {
    for (let r = 0; r < rows; r++) {
      const base = r * cols;
      for (let j = 0; j < outCols; j++) {
        const b = input[base + outCols + j];
        const s = logistic(b);
        y[r * outCols + j] = tangent[base + j] * s + input[base + j] * (s * logistic(-b)) * tangent[base + outCols + j];
      }
    }
    return y;
  }
  const e = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    const { sum } = rowExp(input, base, cols, e);
    let dot = 0;
    for (let j = 0; j < cols; j++) {
      e[j] /= sum; // e now holds softmax(x)
      dot += e[j] * tangent[base + j];
    }
    for (let j = 0; j < cols; j++) {
      const d = tangent[base + j] - dot;
      y[base + j] = id === "softmax" ? e[j] * d : d;
    }
  }
  return y;
}
