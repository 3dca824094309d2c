/**
 * Words of the heatmap view: stats strip items, the one-line and screen-reader summaries, the pooling note
 * and the hover readout. Pure (no DOM): every string the view shows about numbers is made here, with the
 * core's number formatting (U+2212 minus, ∞, NaN).
 */
import { formatIndexRange, formatNumber, formatPercent, formatShape } from "../../core/format";

const DIGITS = 4;

/** A number for the view: 4 significant digits, `∞`, `NaN`, `−0`. */
export function num(x: number): string {
  return formatNumber(x, DIGITS);
}

/** `2`, or `2 “fc2”` when the column has a label. */
function unitRef(u: number, labels: readonly string[] | undefined): string {
  const label = labels?.[u];
  return label ? `${u} “${label}”` : String(u);
}

/** `unit 2`, or `unit 2 “fc2”` when the column has a label. */
export function unitName(u: number, labels: readonly string[] | undefined): string {
  return `unit ${unitRef(u, labels)}`;
}

/** The value summaries the view shows (finite values only; NaN when there are none). */
export interface Moments {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly std: number;
}

export interface NonFinite {
  readonly nan: number;
  readonly posInf: number;
  readonly negInf: number;
}

/** What the summaries need to know about one layer. */
export interface LayerFacts {
  readonly rows: number;
  readonly units: number;
  /** The shape as parsed (may have more axes than rows × units). */
  readonly shape: readonly number[];
  readonly activation: string;
  readonly pre: Moments;
  readonly post: Moments;
  readonly sparsity: number;
  readonly deadUnits: readonly number[];
  readonly saturatedFraction: number;
  readonly saturationEps: number;
  readonly nonFinite: NonFinite;
  readonly columnLabels?: readonly string[];
}

/** `min −1.2 · max 3.4 · mean 0.1 · std 1` (or `no finite values`). */
export function momentsText(m: Moments): string {
  if (m.count === 0) {
    return "no finite values";
  }
  return `min ${num(m.min)} · max ${num(m.max)} · mean ${num(m.mean)} · std ${num(m.std)}`;
}

/** `6 × 8 (rows × units)`, plus `, from 2 × 3 × 8` when the parsed shape was flattened. */
export function shapeText(rows: number, units: number, shape: readonly number[]): string {
  const base = `${rows} × ${units} (rows × units)`;
  const flat = shape.length === 2 && shape[0] === rows && shape[1] === units;
  return flat || shape.length === 0 ? base : `${base}, from ${formatShape(shape)}`;
}

/** `none`, `1 (unit 2)`, `3 (units 0, 4 “fc5”, 7)`, at most `max` listed then `…`. */
export function deadUnitsText(dead: readonly number[], labels: readonly string[] | undefined, max = 8): string {
  if (dead.length === 0) {
    return "none";
  }
  if (dead.length === 1) {
    return `1 (${unitName(dead[0], labels)})`;
  }
  const shown = dead.slice(0, max).map((u) => unitRef(u, labels));
  return `${dead.length} (units ${shown.join(", ")}${dead.length > max ? ", …" : ""})`;
}

/** `NaN 2 · +∞ 1 · −∞ 0`, or `` when every value is finite. */
export function nonFiniteText(n: NonFinite): string {
  if (n.nan + n.posInf + n.negInf === 0) {
    return "";
  }
  return `NaN ${n.nan} · +∞ ${n.posInf} · −∞ ${n.negInf}`;
}

/** One item of the stats strip. */
export interface StatItem {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** Worth the eye: dead units or non-finite values present. */
  readonly alert?: boolean;
}

/** The stats strip, in display order; the non-finite item only when there are non-finite values. */
export function statItems(f: LayerFacts): StatItem[] {
  const items: StatItem[] = [
    { key: "shape", label: "Shape", value: shapeText(f.rows, f.units, f.shape) },
    { key: "pre", label: "Pre", value: momentsText(f.pre) },
    { key: "post", label: `After ${f.activation}`, value: momentsText(f.post) },
    { key: "sparsity", label: "Sparsity", value: `${pct(f.sparsity)} zeros` },
    { key: "dead", label: "Dead units", value: deadUnitsText(f.deadUnits, f.columnLabels), alert: f.deadUnits.length > 0 },
    { key: "saturated", label: "Saturated", value: `${pct(f.saturatedFraction)} (|f′| < ${num(f.saturationEps)})` },
  ];
  const nf = nonFiniteText(f.nonFinite);
  if (nf) {
    items.push({ key: "nonfinite", label: "Non-finite pre", value: nf, alert: true });
  }
  return items;
}

function pct(x: number): string {
  return Number.isNaN(x) ? "n/a" : formatPercent(x);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The compact summary of the side view: `6×8 · relu: 52.1% zeros · 1 dead · 10% saturated`. */
export function oneLine(f: LayerFacts): string {
  const nf = nonFiniteText(f.nonFinite);
  return (
    `${f.rows} × ${f.units} · ${f.activation}: ${pct(f.sparsity)} zeros · ${plural(f.deadUnits.length, "dead unit", "dead units")}` +
    ` · ${pct(f.saturatedFraction)} saturated · pre ${f.pre.count ? `${num(f.pre.min)} to ${num(f.pre.max)}` : "no finite values"}` +
    (nf ? ` · ${nf}` : "")
  );
}

/**
 * The screen-reader summary, e.g. `6 rows × 8 units. After relu: 52.1% zeros, 1 dead unit (unit 2),
 * 47.9% saturated (|f′| < 0.001). Pre-activations from −2.1 to 3.4, mean 0.12, std 1.01. ...`
 */
export function screenReaderSummary(f: LayerFacts, pooling: string): string {
  const parts: string[] = [];
  parts.push(`${plural(f.rows, "row", "rows")} × ${plural(f.units, "unit", "units")}${f.shape.length > 2 ? ` (flattened from ${formatShape(f.shape)})` : ""}.`);
  const dead =
    f.deadUnits.length === 0
      ? "no dead units"
      : f.deadUnits.length === 1
        ? `1 dead unit (${unitName(f.deadUnits[0], f.columnLabels)})`
        : `${deadUnitsText(f.deadUnits, f.columnLabels).replace(/^(\d+) \(/, "$1 dead units (")}`;
  parts.push(
    `After ${f.activation}: ${pct(f.sparsity)} zeros, ${dead}, ${pct(f.saturatedFraction)} saturated (|f′| < ${num(f.saturationEps)}).`,
  );
  if (f.pre.count > 0) {
    parts.push(`Pre-activations from ${num(f.pre.min)} to ${num(f.pre.max)}, mean ${num(f.pre.mean)}, std ${num(f.pre.std)}.`);
  } else {
    parts.push("No finite pre-activations.");
  }
  if (f.post.count > 0) {
    parts.push(`Outputs from ${num(f.post.min)} to ${num(f.post.max)}, mean ${num(f.post.mean)}.`);
  }
  const nf = f.nonFinite;
  if (nf.nan + nf.posInf + nf.negInf > 0) {
    parts.push(`Non-finite pre-activations: ${nf.nan} NaN, ${nf.posInf} +∞, ${nf.negInf} −∞.`);
  }
  if (pooling) {
    parts.push(`Drawn ${pooling}.`);
  }
  return parts.join(" ");
}

/**
 * The pooling note: `pooled 8×8 cells per pixel (1000 × 1000 shown as 125 × 125)`, with block extents as `3–4`
 * where blocks differ by one; `` when nothing was pooled.
 */
export function poolingText(
  rows: number,
  units: number,
  outRows: number,
  outCols: number,
  block: { rows: { min: number; max: number }; cols: { min: number; max: number } },
): string {
  if (outRows >= rows && outCols >= units) {
    return "";
  }
  const ext = (b: { min: number; max: number }) => formatIndexRange(b.min, b.max);
  return `pooled ${ext(block.rows)}×${ext(block.cols)} cells per pixel (${rows} × ${units} shown as ${outRows} × ${outCols})`;
}

/** One value under the cursor. */
export interface ValueReadout {
  readonly row: number;
  readonly unit: number;
  readonly pre: number;
  readonly post: number;
  readonly derivative: number;
}

/** `row 3, unit 5 “fc2”: pre −0.4213 → post 0 (f′ = 0)`. */
export function valueReadout(v: ValueReadout, labels: readonly string[] | undefined): string {
  return `row ${v.row}, ${unitName(v.unit, labels)}: pre ${num(v.pre)} → post ${num(v.post)} (f′ = ${num(v.derivative)})`;
}

/** Extremes and counts of one side (pre or post) of a pooled cell. */
export interface BlockSide {
  readonly min: number;
  readonly max: number;
  readonly count: number;
  readonly nan: number;
  readonly posInf: number;
  readonly negInf: number;
}

/**
 * `rows 100–119, units 40–47 (160 values): pre −3.1 … 2.7 → post 0 … 2.7 · 2 NaN` — the source ranges and
 * min … max of each side (the picture shows the extreme farther from the centre).
 */
export function blockReadout(where: string, values: number, pre: BlockSide, post: BlockSide): string {
  const side = (s: BlockSide) => (s.count > 0 ? (s.min === s.max ? num(s.min) : `${num(s.min)} … ${num(s.max)}`) : "no finite value");
  const extra = [
    pre.nan ? `${pre.nan} NaN` : "",
    pre.posInf ? `${pre.posInf} +∞` : "",
    pre.negInf ? `${pre.negInf} −∞` : "",
    post.nan > pre.nan ? `${post.nan - pre.nan} NaN after f` : "",
  ].filter(Boolean);
  return `${where} (${values} values): pre ${side(pre)} → post ${side(post)}${extra.length ? ` · ${extra.join(", ")}` : ""}`;
}

/** What a figure's legend explains. */
export interface LegendInfo {
  readonly nan: number;
  readonly posInf: number;
  readonly negInf: number;
  /** Finite values below / above the colour range [lo, hi]. */
  readonly below: number;
  readonly above: number;
  readonly lo: number;
  readonly hi: number;
  readonly dead: number;
}

/** One legend entry: what its icon is and its words. */
export interface LegendItem {
  readonly icon: "nan" | "posInf" | "negInf" | "ring" | "triangle" | "outline";
  readonly text: string;
}

/** Values beyond the colour range are ringed (each one) when there are at most this many. */
export const MAX_RINGS = 24;

/** The legend entries of a figure, in order; empty when there is nothing to explain. */
export function legendItems(l: LegendInfo): LegendItem[] {
  const items: LegendItem[] = [];
  if (l.nan > 0) {
    items.push({ icon: "nan", text: `NaN (${l.nan})` });
  }
  if (l.posInf > 0) {
    items.push({ icon: "posInf", text: `+∞ (${l.posInf})` });
  }
  if (l.negInf > 0) {
    items.push({ icon: "negInf", text: `−∞ (${l.negInf})` });
  }
  const beyond = l.below + l.above;
  if (beyond > 0) {
    const parts = [l.below ? `${l.below} < ${num(l.lo)}` : "", l.above ? `${l.above} > ${num(l.hi)}` : ""].filter(Boolean);
    items.push({ icon: beyond <= MAX_RINGS ? "ring" : "triangle", text: `beyond the colour range: ${parts.join(", ")}` });
  }
  if (l.dead > 0) {
    items.push({ icon: "outline", text: l.dead === 1 ? "dead unit" : `dead units (${l.dead})` });
  }
  return items;
}
