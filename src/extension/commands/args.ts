import { getActivation, resolveParams } from "../../core/activations";
import type { ParamsRecord } from "../../shared/protocol";
import { isRecord } from "../../shared/guards";
import { isParamsRecord } from "../../shared/protocol";
import { UserError } from "../selection";

/** Reads an optional activation + params pair from a command's args object, validated against the core. */
export function activationFromArgs(
  args: unknown,
  fallback: string,
): { id: string; params: ParamsRecord } {
  const a = isRecord(args) ? args : {};
  const name = typeof a.activation === "string" ? a.activation : fallback;
  const spec = getActivation(name);
  if (!spec) {
    throw new UserError(`unknown activation "${name}".`);
  }
  if (spec.kind !== "elementwise") {
    throw new UserError(`${spec.label} works on whole rows; choose an elementwise activation here.`);
  }
  const params = a.params === undefined ? {} : a.params;
  if (!isParamsRecord(params)) {
    throw new UserError("params must be an object of numbers, strings or booleans.");
  }
  try {
    resolveParams(spec.id, params);
  } catch (e) {
    throw new UserError(e instanceof Error ? e.message : String(e));
  }
  return { id: spec.id, params };
}
