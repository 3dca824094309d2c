/**
 * Work bounds of the depth explainer, so a slider never freezes the view: per activation the simulation does
 * about 2·batch·width²·depth multiply-adds and batch·width·depth activation evaluations; the batch is reduced
 * until both stay within the bounds below (the view says so when it happens). Pure.
 */

/** Work bounds per activation (see the module note). */
export const MAX_MACS = 2 ** 25;
export const MAX_ELEMENTS = 2 ** 17;

/** The batch actually simulated: the requested one, reduced to the work bounds (at least 1). */
export function boundedBatch(batch: number, width: number, depth: number): number {
  return Math.max(
    1,
    Math.min(batch, Math.floor(MAX_MACS / (width * width * depth)), Math.floor(MAX_ELEMENTS / (width * depth))),
  );
}
