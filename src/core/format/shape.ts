/**
 * Tensor shapes for display: `[2, 3, 4]` → `2 × 3 × 4` (U+00D7 with spaces), `[5]` → `5`, `[]` → `scalar`.
 * Non-integer or negative entries are printed as given (the parser reports those; this only formats).
 */
export function formatShape(shape: readonly number[]): string {
  if (shape.length === 0) {
    return "scalar";
  }
  return shape.map((n) => String(n)).join(" \u00d7 ");
}
