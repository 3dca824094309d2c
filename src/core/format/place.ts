/**
 * Putting rewritten text where selected text was, the way the user laid it out: the selection's leading and
 * trailing whitespace (a selected line's indentation, the newline of a whole-line selection) stays; every
 * line of the replacement after the first is indented like the column where the selected content began (so
 * a multi-line print nested in code keeps its alignment); line breaks follow the selection's (CRLF stays).
 */

/**
 * The replacement for `selected`: `replacement` with `selected`'s leading/trailing whitespace around it, its
 * continuation lines indented by `linePrefix` (the text of the document line before the first non-blank
 * selected character; tabs kept, anything else turned into spaces), and `\r\n` line breaks if `selected`
 * used them.
 */
export function placeLike(selected: string, replacement: string, linePrefix: string): string {
  const leading = /^\s*/.exec(selected)?.[0] ?? "";
  const trailing = selected.length > leading.length ? (/\s*$/.exec(selected)?.[0] ?? "") : "";
  const indent = linePrefix.replace(/[^\t]/g, " ");
  const eol = selected.includes("\r\n") ? "\r\n" : "\n";
  const body = replacement
    .split(/\r?\n/)
    .map((line, i) => (i === 0 || line.length === 0 ? line : indent + line))
    .join(eol);
  return leading + body + trailing;
}
