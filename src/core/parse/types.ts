/**
 * Types of the number-print parser (`parseNumbers`) and its writer (`formatNumbers`).
 * Pure TypeScript: no vscode, DOM or Node.
 */

/**
 * Stable ids of the print formats the parser reads. Other code keys on these strings (to write
 * values back "in the selection's own format"), so they never change meaning:
 *
 * | id              | what it is                                                                     |
 * | --------------- | ------------------------------------------------------------------------------ |
 * | `json`          | JSON arrays / numbers (`NaN`, `Infinity`, `null` accepted as Python's json writes) |
 * | `python-list`   | Python nested lists/tuples (`nan`, `inf`, `True`), lists of `np.float32(…)`/`tensor(…)` |
 * | `numpy-repr`    | `array([[1., 2.]], dtype=float32)`                                             |
 * | `numpy-str`     | `[[1. 2.]\n [3. 4.]]` (no commas)                                              |
 * | `torch-repr`    | `tensor([...], device=..., dtype=torch.float16, requires_grad=True)`, `Parameter containing:` |
 * | `tf-tensor`     | `print(t)`: `tf.Tensor(\n[[1. 2.]\n [3. 4.]], shape=(2, 2), dtype=float32)`    |
 * | `tf-eager-repr` | `repr(t)`: `<tf.Tensor: shape=(2, 2), dtype=float32, numpy=array(...)>` (also `<tf.Variable ...>`) |
 * | `jax-array`     | `Array([[1., 2.]], dtype=float32)` (and the older `DeviceArray(...)`)          |
 * | `matlab`        | `[1 2; 3 4]`, `[1, 2; 3, 4]` (Julia prints a Matrix the same way)              |
 * | `julia`         | Julia literals with a Julia marker: `Float32[1.0 2.0; 3.0 4.0]`, `[1.0 3.0;;; 5.0 7.0]`, `1.0f0` |
 * | `julia-display` | Julia REPL display: `2×2 Matrix{Float64}:\n 1.0  2.0\n 3.0  4.0`               |
 * | `csv`           | comma-separated table, optional header row of names                            |
 * | `tsv`           | tab-separated table, optional header row of names                              |
 * | `whitespace`    | whitespace-separated table, optional header row of names                       |
 * | `scalar`        | one bare number                                                                |
 */
export const PARSE_FORMATS = [
  "json",
  "python-list",
  "numpy-repr",
  "numpy-str",
  "torch-repr",
  "tf-tensor",
  "tf-eager-repr",
  "jax-array",
  "matlab",
  "julia",
  "julia-display",
  "csv",
  "tsv",
  "whitespace",
  "scalar",
] as const;

export type ParseFormat = (typeof PARSE_FORMATS)[number];

/**
 * A stretch of values a summarised print (`...`, `⋮`, `…`) left out, along one axis.
 *
 * The values in `data` at indices `start .. start + length - 1` of `axis` (all other indices free)
 * are NaN placeholders. When the print does not state the full shape (numpy, torch, JAX), each `...`
 * takes ONE slot (`length = 1`) and `missing` is `undefined`: the number of left-out values is not
 * known. When the print states it (TensorFlow's `shape=`, Julia's `2×2 Matrix` header), the data are
 * laid out at the full shape and `length === missing` = the number of left-out entries.
 */
export interface ParseGap {
  readonly axis: number;
  readonly start: number;
  readonly length: number;
  readonly missing: number | undefined;
}

/** What `parseNumbers` returns. */
export interface ParsedNumbers {
  /** Dimensions, outermost first; `[]` for a scalar. Tables are always 2-D `[rows, columns]`. */
  shape: number[];
  /** Values in row-major (C) order; `data.length` = product of `shape`. Booleans read as 1/0. */
  data: Float64Array;
  /** One of `PARSE_FORMATS`. */
  format: ParseFormat;
  /** Element type as the print states or implies it, in numpy spelling (`float32`, `int64`, `bool`). */
  dtype?: string;
  /** Things the caller should know (NaN from `null`, summarised print read with gaps, ...). */
  warnings: string[];
  /** Column names from a table's header row. */
  columnLabels?: string[];
  /** Keyword arguments of the print kept verbatim (`device: "'cuda:0'"`, `requires_grad: "True"`, `name`). */
  attributes?: Record<string, string>;
  /** Left-out stretches of a summarised print (only with `allowSummarized`). */
  gaps?: ParseGap[];
  /** The full shape the print states, when it is summarised (equal to `shape` when expanded). */
  fullShape?: number[];
}

/** Options of `parseNumbers`. */
export interface ParseOptions {
  /** Most values accepted (a `ParseError` beyond). Default `DEFAULT_MAX_VALUES` (5 000 000). */
  maxValues?: number;
  /** Read summarised prints (`...`), filling what is left out with NaN and reporting `gaps`. Default false. */
  allowSummarized?: boolean;
  /** Read the text as this format instead of detecting it. */
  format?: ParseFormat;
}

export const DEFAULT_MAX_VALUES = 5_000_000;
