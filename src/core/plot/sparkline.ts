/**
 * A tiny bar chart (histogram sparkline) as standalone SVG, for hovers and the stats strip.
 *
 * Bars rise from a baseline at 0 over the range [min(0, min v), max(0, max v)] of the finite values, so
 * negative values hang below it. A nonzero value is at least 1 px tall (a bin with one count never vanishes).
 * When there are more values than pixel columns, each column shows the value of largest magnitude among
 * its bins (like the heatmap pooling: a spike stays visible). Non-finite values draw no bar. All bars are
 * one `<path>`; the output has no scripts, no external references and only finite coordinates.
 */
import { coord, escapeXml, safeColor } from "./svg";

export interface SparklineOptions {
  /** Size in px (defaults 100 × 20; clamped to 8–2000). */
  readonly width?: number;
  readonly height?: number;
  /** Bar colour (default `#8b8b8b`). */
  readonly color?: string;
  /** Colour of a 1 px baseline at 0; `none` hides it (default: the bar colour at 40% opacity). */
  readonly baseline?: string;
  /** Gap between bars in px when bars are at least 3 px wide (default 1). */
  readonly gap?: number;
  /** `<title>` text (tooltip/accessibility). */
  readonly title?: string;
}

/** The SVG text of the bars (see the module note). */
export function sparklineSvg(values: ArrayLike<number>, options: SparklineOptions = {}): string {
  const W = Math.round(Math.min(2000, Math.max(8, options.width ?? 100)));
  const H = Math.round(Math.min(2000, Math.max(8, options.height ?? 20)));
  const color = safeColor(options.color ?? "#8b8b8b");
  const baseColor = options.baseline === undefined ? color : safeColor(options.baseline);

  // Columns: at most one bar per pixel column; each takes its bins' largest-magnitude finite value.
  const n = values.length;
  const cols = Math.min(n, W);
  const bar = new Float64Array(cols).fill(NaN);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      continue;
    }
    const c = cols === n ? i : Math.floor((i * cols) / n);
    if (!(Math.abs(bar[c]) >= Math.abs(v))) {
      bar[c] = v;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let c = 0; c < cols; c++) {
    if (bar[c] < lo) {
      lo = bar[c];
    }
    if (bar[c] > hi) {
      hi = bar[c];
    }
  }
  const span = hi / 2 - lo / 2; // halves: hi − lo may overflow
  const y0 = span > 0 ? (hi / 2 / span) * H : H; // baseline: H when everything is ≥ 0
  const step = cols > 0 ? W / cols : W;
  const gap = step >= 3 ? Math.min(Math.max(0, options.gap ?? 1), step - 1) : 0;

  let d = "";
  for (let c = 0; c < cols; c++) {
    const v = bar[c];
    if (!(v !== 0 && Number.isFinite(v))) {
      continue;
    }
    let h = (Math.abs(v) / 2 / span) * H;
    h = Math.max(1, h);
    const x = c * step;
    const yTop = v > 0 ? Math.max(0, y0 - h) : y0;
    const yBot = v > 0 ? y0 : Math.min(H, y0 + h);
    d += `M${coord(x)} ${coord(yTop)}h${coord(step - gap)}V${coord(yBot)}H${coord(x)}Z`;
  }
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`];
  if (options.title !== undefined) {
    parts.push(`<title>${escapeXml(options.title)}</title>`);
  }
  if (d) {
    parts.push(`<path class="bars" d="${d}" fill="${escapeXml(color)}" shape-rendering="crispEdges"/>`);
  }
  if (baseColor !== "none") {
    const yb = Math.min(H - 0.5, Math.max(0.5, y0 > H - 0.5 ? H - 0.5 : y0));
    parts.push(
      `<path class="baseline" d="M0 ${coord(yb)}H${W}" stroke="${escapeXml(baseColor)}" ` +
        `stroke-opacity="0.4" shape-rendering="crispEdges"/>`,
    );
  }
  parts.push("</svg>");
  return parts.join("");
}
