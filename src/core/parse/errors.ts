/** The one error `parseNumbers` throws, with the place in the text it is about. */

/** 1-based line and column of `offset` in `text` (column in UTF-16 code units; `\r\n`, `\n`, `\r` end lines). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 13) {
      if (i + 1 < text.length && text.charCodeAt(i + 1) === 10) {
        i++;
        if (i >= end) {
          // offset points at the \n of a \r\n: still on the \r's line
          return { line, column: end - lineStart + 1 };
        }
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * The text could not be read as numbers. `offset` is the 0-based UTF-16 index in the text given to
 * `parseNumbers`; `line` and `column` are 1-based (column in UTF-16 code units, like VS Code's
 * positions + 1). `message` ends with "(line L, column C)"; `reason` is the message without it.
 */
export class ParseError extends Error {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly reason: string;

  constructor(reason: string, text: string, offset: number) {
    const at = Math.max(0, Math.min(offset, text.length));
    const { line, column } = lineColumn(text, at);
    super(`${reason} (line ${line}, column ${column})`);
    this.name = "ParseError";
    this.reason = reason;
    this.offset = at;
    this.line = line;
    this.column = column;
  }
}

/** A short quote of the text at `offset` for messages: up to the next separator, at most 24 chars. */
export function quoteAt(text: string, offset: number): string {
  let end = offset;
  const limit = Math.min(text.length, offset + 24);
  while (end < limit) {
    const c = text.charCodeAt(end);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 93 || c === 41 || c === 59) {
      break;
    }
    end++;
  }
  if (end === offset && offset < text.length) {
    end = offset + 1;
  }
  const s = text.slice(offset, end);
  return end < text.length && end === limit ? `'${s}…'` : `'${s}'`;
}
