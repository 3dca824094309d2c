/**
 * A tiny well-formedness check for the SVG the plot module writes (test helper, not a full XML parser):
 * one root element, balanced tags, attributes quoted and unique, `&` only in entities, no `<` in text or
 * attribute values, and the safety rules of the core's SVG: no scripts, event handlers, external
 * references or `url(…)`, and no `NaN`/`Infinity` anywhere. Returns the list of elements (name + attributes)
 * in document order; throws with a reason on the first problem.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
}

const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

function checkText(s: string, where: string): void {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "<") {
      throw new Error(`raw '<' in ${where}`);
    }
    if (s[i] === "&" && !ENTITY.test(s.slice(i))) {
      throw new Error(`bare '&' in ${where}: ${s.slice(i, i + 12)}`);
    }
  }
}

export function checkSvg(svg: string): XmlElement[] {
  if (/NaN|Infinity/.test(svg)) {
    throw new Error("NaN or Infinity in the SVG");
  }
  if (/<script|\bon[a-z]+\s*=|href\s*=|url\(|<foreignObject|<!ENTITY|<!DOCTYPE/i.test(svg)) {
    throw new Error("script, handler, reference or DTD in the SVG");
  }
  const stack: string[] = [];
  const elements: XmlElement[] = [];
  let roots = 0;
  let i = 0;
  const textOf: XmlElement[] = [];
  while (i < svg.length) {
    const lt = svg.indexOf("<", i);
    const text = svg.slice(i, lt < 0 ? svg.length : lt);
    if (text.length > 0) {
      if (stack.length === 0 && text.trim() !== "") {
        throw new Error(`text outside the root: ${text.slice(0, 20)}`);
      }
      checkText(text, "text");
      if (textOf.length > 0) {
        textOf[textOf.length - 1].text += text;
      }
    }
    if (lt < 0) {
      break;
    }
    const gt = svg.indexOf(">", lt);
    if (gt < 0) {
      throw new Error("unterminated tag");
    }
    const tag = svg.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      textOf.pop();
      if (open !== name) {
        throw new Error(`</${name}> closes <${open}>`);
      }
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([A-Za-z][\w:-]*)/.exec(body);
    if (!m) {
      throw new Error(`bad tag <${tag}>`);
    }
    const name = m[1];
    const attrs: Record<string, string> = {};
    let rest = body.slice(name.length);
    const attrRe = /^\s+([A-Za-z_:][\w:.-]*)="([^"]*)"/;
    for (;;) {
      const a = attrRe.exec(rest);
      if (!a) {
        break;
      }
      if (a[1] in attrs) {
        throw new Error(`duplicate attribute ${a[1]} on <${name}>`);
      }
      checkText(a[2], `attribute ${a[1]}`);
      attrs[a[1]] = a[2];
      rest = rest.slice(a[0].length);
    }
    if (rest.trim() !== "") {
      throw new Error(`unparsed attribute text on <${name}>: ${rest}`);
    }
    if (stack.length === 0) {
      roots++;
    }
    const el: XmlElement = { name, attrs, text: "" };
    elements.push(el);
    if (!selfClosing) {
      stack.push(name);
      textOf.push(el);
    }
  }
  if (stack.length > 0) {
    throw new Error(`unclosed <${stack.join("> <")}>`);
  }
  if (roots !== 1 || elements[0]?.name !== "svg") {
    throw new Error(`expected one <svg> root, found ${roots}`);
  }
  const root = elements[0].attrs;
  if (root.xmlns !== "http://www.w3.org/2000/svg" || !/^0 0 \d+ \d+$/.test(root.viewBox ?? "")) {
    throw new Error("root needs the SVG xmlns and a viewBox");
  }
  return elements;
}

/** All numbers in an SVG path's `d` (or a points list), as pairs after M/L/space-separated coordinates. */
export function pathNumbers(d: string): number[] {
  return (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
}

/** The subpaths of a `d` made of M/L commands only, as arrays of [x, y]. */
export function subpaths(d: string): [number, number][][] {
  return d
    .split("M")
    .filter((s) => s.length > 0)
    .map((s) => {
      const nums = pathNumbers(s.replace("L", " "));
      const pts: [number, number][] = [];
      for (let k = 0; k + 1 < nums.length; k += 2) {
        pts.push([nums[k], nums[k + 1]]);
      }
      return pts;
    });
}
