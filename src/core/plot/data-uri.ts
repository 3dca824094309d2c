/**
 * `data:` URIs for generated SVG, in plain TypeScript (no Buffer, btoa or TextEncoder, which are not all
 * available in every host the core runs in). VS Code hovers do not render inline `<svg>`, but they do show
 * a Markdown image whose source is a data URI: `![f(x)](data:image/svg+xml;base64,…)`.
 */

/**
 * UTF-8 bytes of a JavaScript string (UTF-16), as TextEncoder would give: surrogate pairs become one 4-byte
 * sequence; a lone surrogate becomes U+FFFD (EF BF BD).
 */
export function utf8Encode(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        cp = 0xfffd;
      }
    }
    if (cp < 0x80) {
      out[o++] = cp;
    } else if (cp < 0x800) {
      out[o++] = 0xc0 | (cp >> 6);
      out[o++] = 0x80 | (cp & 63);
    } else if (cp < 0x10000) {
      out[o++] = 0xe0 | (cp >> 12);
      out[o++] = 0x80 | ((cp >> 6) & 63);
      out[o++] = 0x80 | (cp & 63);
    } else {
      out[o++] = 0xf0 | (cp >> 18);
      out[o++] = 0x80 | ((cp >> 12) & 63);
      out[o++] = 0x80 | ((cp >> 6) & 63);
      out[o++] = 0x80 | (cp & 63);
    }
  }
  return out.slice(0, o);
}

export { base64Encode } from "../base64";
import { base64Encode } from "../base64";

/** `data:image/svg+xml;base64,` + base64 of the SVG's UTF-8 bytes. */
export function svgDataUri(svg: string): string {
  return "data:image/svg+xml;base64," + base64Encode(utf8Encode(svg));
}
