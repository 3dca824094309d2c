/** Axis tick labels of the explainers' charts. Pure. */
import { formatNumber } from "../../core/format";

/**
 * Tick label of an axis value: the core's number format (U+2212 minus, no float noise). On a log axis only
 * 1·10ᵏ is labelled (and 2·10ᵏ, 5·10ᵏ when the axis spans at most two decades), so labels never crowd.
 */
export function tickLabel(value: number, log: boolean, decades: number): string {
  if (!log) {
    return formatNumber(value, 6);
  }
  if (!(value > 0)) {
    return "";
  }
  const m = value / Math.pow(10, Math.floor(Math.log10(value) + 1e-9));
  const near = (k: number) => Math.abs(m - k) < 1e-6;
  return near(1) || (decades <= 2 && (near(2) || near(5))) ? formatNumber(value, 3) : "";
}
