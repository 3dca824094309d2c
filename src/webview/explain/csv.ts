/**
 * CSV of an explainer's figure data: named columns side by side, one line per index (a shorter column leaves
 * its cells empty). Numbers as the heatmap export writes them (`String(v)`, numpy's `nan`/`inf`/`-inf`, `-0`);
 * names quoted when needed. Pure.
 */
import { csvField, csvNumber } from "../heatmap/csv";

export interface CsvColumn {
  readonly name: string;
  readonly values: ArrayLike<number>;
}

/** The CSV text of `columns` (header line, then one line per row); ends with a newline. */
export function columnsCsv(columns: readonly CsvColumn[]): string {
  const n = columns.reduce((m, c) => Math.max(m, c.values.length), 0);
  const lines: string[] = [columns.map((c) => csvField(c.name)).join(",")];
  const cells = new Array<string>(columns.length);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns.length; j++) {
      const v = columns[j].values;
      cells[j] = i < v.length ? csvNumber(v[i]) : "";
    }
    lines.push(cells.join(","));
  }
  return lines.join("\n") + "\n";
}
