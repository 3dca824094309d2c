/** Element types as prints spell them, normalised to numpy's names. */

const ALIASES: Readonly<Record<string, string>> = {
  half: "float16",
  float: "float32", // torch.float
  double: "float64",
  long: "int64",
  int: "int32", // torch.int
  short: "int16",
  bool: "bool",
  bool_: "bool",
  bfloat16: "bfloat16",
  bitvector: "bool", // Julia BitVector / BitMatrix / BitArray
  bitmatrix: "bool",
  bitarray: "bool",
};

/**
 * Normalises a printed dtype: `torch.float16` → `float16`, `tf.float32` → `float32`, Julia `Float32`
 * → `float32`, `torch.half` → `float16`, `torch.long` → `int64`. Returns "complex" for complex types.
 */
export function normalizeDtype(printed: string): string {
  let s = printed.trim();
  if ((s.startsWith("'") && s.endsWith("'")) || (s.startsWith('"') && s.endsWith('"'))) {
    s = s.slice(1, -1);
  }
  const dot = s.lastIndexOf(".");
  if (dot >= 0) {
    s = s.slice(dot + 1);
  }
  const low = s.toLowerCase();
  if (low.startsWith("complex") || low === "cfloat" || low === "cdouble" || low === "chalf") {
    return "complex";
  }
  return ALIASES[low] ?? low;
}

/** Kinds bitmask (1 << KIND_*) → dtype by a tool's defaults. */
export function inferDtype(kinds: number, floatDefault: string, intDefault: string): string {
  const INT = 1 << 1;
  const FLOAT = 1 << 2;
  const BOOL = 1 << 3;
  if ((kinds & FLOAT) !== 0) {
    return floatDefault;
  }
  if ((kinds & INT) !== 0) {
    return intDefault;
  }
  if ((kinds & BOOL) !== 0) {
    return "bool";
  }
  return floatDefault;
}
