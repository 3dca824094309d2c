/**
 * A small standalone SVG of an activation f and its derivative f′ for hovers (rendered as a data-URI image,
 * see ./data-uri): two curves, axes at 0, nice tick labels, and the kinks marked.
 *
 * Sampling: the x-range is cut at every kink inside it; each piece is sampled evenly with its ends moved
 * δ = 1e-9 × (range width) inside, so each curve is drawn as separate pieces meeting at the kink (a jump of
 * f′, or of f for `threshold`, is never drawn as a steep line). At each kink a filled dot marks (k, f(k))
 * (class `kink`) and a smaller one (k, f′(k)) (class `kink-df`) — the value the derivative function returns
 * at the kink, i.e. PyTorch's convention when given the core's derivative — and, where f or f′ jumps, open
 * circles (class `limit`) mark the one-sided limits.
 * Non-finite samples break the curves. The y-range comes from {@link robustRange} over all samples, and the
 * curves are clipped to it exactly at the frame, so a derivative that blows up does not flatten the plot.
 * Output: `<svg xmlns=… viewBox=…>` with no scripts, no external references, escaped text, every coordinate
 * finite and rounded to 0.1 px; typically 2–4 KB.
 */
import { formatNumber } from "../format/number";
import { niceTicks } from "../format/ticks";
import { clipRuns, simplify, type Point } from "./polyline";
import { robustRange } from "./range";
import { coord, escapeXml, safeColor } from "./svg";

export interface MiniPlotColors {
  readonly f: string;
  readonly df: string;
  /** Axes at 0 and tick marks. */
  readonly axis: string;
  /** Frame and grid lines (drawn at low opacity). */
  readonly grid: string;
  readonly text: string;
  /** Fill behind everything; `none` (default) for a transparent image. */
  readonly background: string;
}

/** Mid-tone defaults that read on both light and dark hover backgrounds. */
export const MINI_PLOT_COLORS: MiniPlotColors = {
  f: "#3794ff",
  df: "#f0883e",
  axis: "#8b8b8b",
  grid: "#8b8b8b",
  text: "#8b8b8b",
  background: "none",
};

export interface MiniPlotOptions {
  readonly f: (x: number) => number;
  /** The derivative; omitted → only f is drawn. */
  readonly df?: (x: number) => number;
  /** [lo, hi], finite, lo < hi. */
  readonly range: readonly [number, number];
  /** x positions where f or f′ is not smooth (kinks outside the range are ignored). */
  readonly kinks?: readonly number[];
  /** Size in CSS pixels (defaults 240 × 120; clamped to 60–2000 × 40–2000). */
  readonly width?: number;
  readonly height?: number;
  /** Samples over the whole range (default ≈ plot width / 1.5, at least 16). */
  readonly samples?: number;
  readonly colors?: Partial<MiniPlotColors>;
  /** Legend texts (defaults `f(x)` and `f′(x)`) and an optional title (also the SVG `<title>`); `false` hides the legend. */
  readonly labels?: { readonly f?: string; readonly df?: string; readonly title?: string } | false;
  /** Font size in px (default 9). */
  readonly fontSize?: number;
}

const SIMPLIFY_TOLERANCE_PX = 0.1;

/** The SVG text of the plot (see the module note). Throws RangeError for a bad range or colour. */
export function miniPlotSvg(options: MiniPlotOptions): string {
  const [lo, hi] = options.range;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
    throw new RangeError(`plot range must be finite with lo < hi, got [${lo}, ${hi}]`);
  }
  const W = Math.round(Math.min(2000, Math.max(60, options.width ?? 240)));
  const H = Math.round(Math.min(2000, Math.max(40, options.height ?? 120)));
  const fs = Math.min(24, Math.max(6, options.fontSize ?? 9));
  const col: MiniPlotColors = { ...MINI_PLOT_COLORS, ...options.colors };
  for (const c of Object.values(col)) {
    safeColor(c);
  }
  const labels = options.labels === false ? undefined : options.labels ?? {};
  const fLabel = labels?.f ?? "f(x)";
  const dfLabel = labels?.df ?? "f\u2032(x)";
  const title = labels?.title;

  // Layout.
  const left = Math.round(fs * 3.4);
  const right = 6;
  const top = labels ? Math.round(fs * 1.7) : 6;
  const bottom = Math.round(fs * 1.6);
  const px0 = left;
  const px1 = W - right;
  const py0 = top;
  const py1 = H - bottom;
  const pw = px1 - px0;
  const ph = py1 - py0;

  // Sampling: pieces between kinks, ends nudged δ inside at kinks.
  const kinks = [...new Set((options.kinks ?? []).filter((k) => Number.isFinite(k) && k >= lo && k <= hi))].sort((a, b) => a - b);
  const cuts = kinks.filter((k) => k > lo && k < hi);
  const bounds = [lo, ...cuts, hi];
  const delta = (hi - lo) * 1e-9;
  const total = Math.max(16, Math.round(options.samples ?? pw / 1.5));
  const pieces: number[][] = [];
  for (let p = 0; p + 1 < bounds.length; p++) {
    const a = p > 0 ? bounds[p] + delta : bounds[p];
    const b = p + 2 < bounds.length ? bounds[p + 1] - delta : bounds[p + 1];
    const n = Math.max(2, Math.ceil((total * (b - a)) / (hi - lo)) + 1);
    const xs: number[] = [];
    for (let j = 0; j < n; j++) {
      xs.push(j === n - 1 ? b : a + ((b - a) * j) / (n - 1));
    }
    pieces.push(xs);
  }
  const evalAll = (g: (x: number) => number): number[][] => pieces.map((xs) => xs.map((x) => Number(g(x))));
  const fYs = evalAll(options.f);
  const dfYs = options.df ? evalAll(options.df) : [];
  const kinkF = kinks.map((k) => Number(options.f(k)));
  const kinkDf = options.df ? kinks.map((k) => Number(options.df!(k))) : [];

  const [ylo, yhi] = robustRange([...fYs.flat(), ...dfYs.flat(), ...kinkF, ...kinkDf]);
  const sx = (x: number): number => px0 + ((x - lo) / (hi - lo)) * pw;
  const sy = (y: number): number => py1 - ((y - ylo) / (yhi - ylo)) * ph;
  const inY = (y: number): boolean => Number.isFinite(y) && y >= ylo && y <= yhi;
  const half = (v: number): number => Math.round(v - 0.5) + 0.5; // crisp 1 px lines

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
      `font-family="sans-serif" font-size="${coord(fs)}">`,
  );
  if (title !== undefined) {
    parts.push(`<title>${escapeXml(title)}</title>`);
  }
  if (col.background !== "none") {
    parts.push(`<rect width="${W}" height="${H}" fill="${escapeXml(col.background)}"/>`);
  }

  // Grid, frame, ticks.
  const xTicks = niceTicks(lo, hi, Math.max(2, Math.floor(pw / 45)));
  const yTicks = niceTicks(ylo, yhi, Math.max(2, Math.floor(ph / 28)));
  let grid = `M${coord(half(px0))} ${coord(half(py0))}H${coord(half(px1))}V${coord(half(py1))}H${coord(half(px0))}Z`;
  for (const t of xTicks) {
    grid += `M${coord(half(sx(t)))} ${coord(py0)}V${coord(py1)}`;
  }
  for (const t of yTicks) {
    grid += `M${coord(px0)} ${coord(half(sy(t)))}H${coord(px1)}`;
  }
  parts.push(`<path d="${grid}" fill="none" stroke="${escapeXml(col.grid)}" stroke-opacity="0.25" shape-rendering="crispEdges"/>`);
  let axes = "";
  if (ylo <= 0 && yhi >= 0) {
    axes += `M${coord(px0)} ${coord(half(sy(0)))}H${coord(px1)}`;
  }
  if (lo <= 0 && hi >= 0) {
    axes += `M${coord(half(sx(0)))} ${coord(py0)}V${coord(py1)}`;
  }
  if (axes) {
    parts.push(`<path class="axes" d="${axes}" stroke="${escapeXml(col.axis)}" shape-rendering="crispEdges"/>`);
  }
  const label = (v: number): string => escapeXml(formatNumber(v, 3));
  let text = "";
  for (const t of xTicks) {
    text += `<text x="${coord(sx(t))}" y="${coord(H - 3)}" text-anchor="middle">${label(t)}</text>`;
  }
  for (const t of yTicks) {
    text += `<text x="${coord(px0 - 3)}" y="${coord(sy(t) + fs * 0.35)}" text-anchor="end">${label(t)}</text>`;
  }
  parts.push(`<g fill="${escapeXml(col.text)}">${text}</g>`);

  // Curves.
  const curve = (ys: number[][], color: string, cls: string): void => {
    let d = "";
    pieces.forEach((xs, p) => {
      for (const run of clipRuns(xs, ys[p], ylo, yhi)) {
        const pts = simplify(
          run.map(([x, y]): Point => [sx(x), sy(y)]),
          SIMPLIFY_TOLERANCE_PX,
        );
        d += "M" + pts.map(([x, y], i) => (i === 1 ? "L" : i > 1 ? " " : "") + coord(x) + " " + coord(y)).join("");
      }
    });
    if (d) {
      parts.push(
        `<path class="${cls}" d="${d}" fill="none" stroke="${escapeXml(color)}" stroke-width="1.5" ` +
          `stroke-linejoin="round" stroke-linecap="round"/>`,
      );
    }
  };
  curve(fYs, col.f, "f");
  if (options.df) {
    curve(dfYs, col.df, "df");
  }

  // Kinks: for f, then f′ on top: open circles at one-sided limits that differ from the value at the kink
  // (a jump), then a filled dot at the value itself (f's larger, so coincident dots show as a bull's-eye).
  const marks = (g: (x: number) => number, values: number[], color: string, cls: string, r: number): void => {
    kinks.forEach((k, i) => {
      const at = values[i];
      for (const side of [k - delta, k + delta]) {
        if (side < lo || side > hi) {
          continue;
        }
        const lim = Number(g(side));
        if (inY(lim) && (!inY(at) || Math.abs(sy(lim) - sy(at)) > 1.5)) {
          parts.push(
            `<circle class="limit" cx="${coord(sx(k))}" cy="${coord(sy(lim))}" r="2" fill="none" ` +
              `stroke="${escapeXml(color)}"/>`,
          );
        }
      }
      if (inY(at)) {
        parts.push(`<circle class="${cls}" cx="${coord(sx(k))}" cy="${coord(sy(at))}" r="${r}" fill="${escapeXml(color)}"/>`);
      }
    });
  };
  marks(options.f, kinkF, col.f, "kink", 3);
  if (options.df) {
    marks(options.df, kinkDf, col.df, "kink-df", 2);
  }

  // Legend and title.
  if (labels) {
    let legend = `<tspan fill="${escapeXml(col.f)}">${escapeXml(fLabel)}</tspan>`;
    if (options.df) {
      legend += `<tspan dx="${coord(fs)}" fill="${escapeXml(col.df)}">${escapeXml(dfLabel)}</tspan>`;
    }
    parts.push(`<text x="${coord(px0)}" y="${coord(top - fs * 0.5)}">${legend}</text>`);
    if (title !== undefined) {
      parts.push(
        `<text x="${coord(px1)}" y="${coord(top - fs * 0.5)}" text-anchor="end" fill="${escapeXml(col.text)}">` +
          `${escapeXml(title)}</text>`,
      );
    }
  }
  parts.push("</svg>");
  return parts.join("");
}
