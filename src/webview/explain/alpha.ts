/** Theme colours with transparency (for shaded bands and thin lines). Pure. */

/** A colour with alpha from a theme colour (`#rgb`, `#rrggbb` or `rgb(…)`); other forms are returned as they are. */
export function withAlpha(color: string, alpha: number): string {
  const c = color.trim();
  let r: number;
  let g: number;
  let b: number;
  if (/^#[0-9a-f]{3}$/i.test(c)) {
    [r, g, b] = [1, 2, 3].map((i) => parseInt(c[i] + c[i], 16));
  } else if (/^#[0-9a-f]{6}([0-9a-f]{2})?$/i.test(c)) {
    [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  } else {
    const m = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(c);
    if (!m) {
      return c;
    }
    [r, g, b] = [m[1], m[2], m[3]].map(Number);
  }
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
