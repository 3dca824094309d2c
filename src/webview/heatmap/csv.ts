/**
 * CSV export of a heatmap: one line per row, `row`, then the pre-activations of every unit, then the
 * post-activations. Header: `row,pre_<unit>…,post_<unit>…` where <unit> is the column label when the state
 * has one, else the unit index. Values are written in full (shortest round-trip `String(v)`), non-finite ones
 * as numpy's `nan`, `inf`, `-inf`, negative zero as `-0`. Pure.
 */

/** A CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One value as numpy's savetxt/loadtxt understand it: `nan`, `inf`, `-inf`, `-0`, else `String(v)`. */
export function csvNumber(v: number): string {
  if (v !== v) {
    return "nan";
  }
  if (v === Infinity) {
    return "inf";
  }
  if (v === -Infinity) {
    return "-inf";
  }
  return Object.is(v, -0) ? "-0" : String(v);
}

/** The CSV text (see the module note); ends with a newline. */
export function heatmapCsv(
  pre: ArrayLike<number>,
  post: ArrayLike<number>,
  rows: number,
  units: number,
  labels?: readonly string[],
): string {
  const names = Array.from({ length: units }, (_, u) => labels?.[u] || String(u));
  const head = ["row", ...names.map((n) => csvField(`pre_${n}`)), ...names.map((n) => csvField(`post_${n}`))].join(",");
  const lines: string[] = [head];
  const cells = new Array<string>(1 + 2 * units);
  for (let r = 0; r < rows; r++) {
    cells[0] = String(r);
    const off = r * units;
    for (let u = 0; u < units; u++) {
      cells[1 + u] = csvNumber(pre[off + u]);
      cells[1 + units + u] = csvNumber(post[off + u]);
    }
    lines.push(cells.join(","));
  }
  return lines.join("\n") + "\n";
}
