/**
 * The explainer's figures as one PNG: the canvases side by side on the theme's background, each under its
 * figure caption (the `figcaption` of the figure holding it), like the heatmap export.
 */
import { fontOf } from "../heatmap/figure";
import { themeColors } from "../theme";

const GAP = 16;
const TITLE = 22;

/** One PNG data URL of `canvases` (device pixels as drawn), titled by their figure captions. */
export function figuresPng(canvases: readonly HTMLCanvasElement[]): string {
  const dpr = window.devicePixelRatio || 1;
  const gap = Math.round(GAP * dpr);
  const title = Math.round(TITLE * dpr);
  const width = canvases.reduce((s, c) => s + c.width, 0) + gap * Math.max(0, canvases.length - 1);
  const height = Math.max(0, ...canvases.map((c) => c.height)) + title;
  const out = document.createElement("canvas");
  out.width = Math.max(1, width);
  out.height = Math.max(1, height);
  const ctx = out.getContext("2d");
  if (ctx) {
    const theme = themeColors();
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, out.width, out.height);
    const family = getComputedStyle(document.body).fontFamily;
    let x = 0;
    for (const c of canvases) {
      const caption = c.closest("figure")?.querySelector("figcaption")?.textContent ?? "";
      ctx.save();
      ctx.scale(dpr, dpr);
      ctx.font = `600 ${fontOf(family, 12)}`;
      ctx.fillStyle = theme.foreground;
      ctx.textBaseline = "middle";
      ctx.fillText(caption, x / dpr + 4, TITLE / 2, c.width / dpr - 8);
      ctx.restore();
      ctx.drawImage(c, x, title);
      x += c.width + gap;
    }
  }
  return out.toDataURL("image/png");
}
