/**
 * Small helpers for writing standalone SVG text safely.
 */

/**
 * Drops what XML 1.0 cannot hold: controls other than tab/LF/CR, U+FFFE/U+FFFF and lone surrogates.
 */
export function stripInvalidXml(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      continue;
    }
    if (c === 0xfffe || c === 0xffff) {
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] + text[i + 1];
        i++;
      }
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      continue;
    }
    out += text[i];
  }
  return out;
}

/**
 * Text or attribute content escaped for XML: `&`, `<`, `>`, `"`, `'` as entities; characters XML cannot
 * hold at all are dropped.
 */
export function escapeXml(text: string): string {
  return stripInvalidXml(text).replace(/[&<>"']/g, (c) => {
    switch (c) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      default:
        return "&#39;";
    }
  });
}

/**
 * A coordinate for SVG text: rounded to 0.1, no `-0`, no exponent. Throws on a non-finite value, so `NaN`
 * or `Infinity` can never reach the output.
 */
export function coord(v: number): string {
  if (!Number.isFinite(v)) {
    throw new Error(`non-finite SVG coordinate: ${v}`);
  }
  const r = Math.round(v * 10) / 10;
  return String(r === 0 ? 0 : r);
}

/**
 * Accepts a paint value that cannot reference anything outside the SVG: `#rgb[a]`/`#rrggbb[aa]`, a colour
 * keyword (letters only, e.g. `none`, `currentColor`), or `rgb()/rgba()/hsl()/hsla()` with numeric arguments.
 * Throws a RangeError otherwise (e.g. for `url(…)`).
 */
export function safeColor(color: string): string {
  const ok =
    /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(color) ||
    /^[a-z]+$/i.test(color) ||
    /^(?:rgb|rgba|hsl|hsla)\(\s*[-\d.%\s,/deg]+\)$/i.test(color);
  if (!ok) {
    throw new RangeError(`unsupported SVG colour: ${color}`);
  }
  return color;
}
