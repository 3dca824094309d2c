/** Small type guards shared by the protocol validators and the host's argument readers. */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
