/**
 * Reading numbers the way tools print them, and writing them back in the same format.
 * Pure TypeScript: no vscode, DOM or Node.
 */
export { parseNumbers } from "./parse";
export { formatNumbers } from "./format-numbers";
export { ParseError, lineColumn } from "./errors";
export { DEFAULT_MAX_VALUES, PARSE_FORMATS } from "./types";
export type { ParsedNumbers, ParseFormat, ParseGap, ParseOptions } from "./types";
