export { blockExtent, cellIndexOf, cellOf, cellRange, describeCell, describePooling, poolGrid } from "./grid";
export type { AxisNames, CellRange, PoolGrid } from "./grid";
export { poolMatrix } from "./matrix";
export type { PoolOptions, PoolTotals, PooledMatrix, Representative } from "./matrix";
