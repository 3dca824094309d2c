export { formatNumber, formatPercent, formatRange, formatIndexRange, MINUS } from "./number";
export type { NumberFormatOptions } from "./number";
export { formatShape } from "./shape";
export { niceStep, niceTicks } from "./ticks";
export { placeLike } from "./place";
