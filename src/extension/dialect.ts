import { type DetectedActivation } from "../core/detect";
import { paramsForDialect } from "../core/dialects";
import { DIALECTS, type Dialect, type ParamValue } from "../core/types";

/**
 * Applies the `activationLens.dialect` setting to a detected call: `auto` keeps the dialect decided from
 * the file's imports; a fixed dialect re-reads the defaults as that framework means them (the literal
 * arguments written in the code stay as they are).
 */
export function withDialectSetting(found: DetectedActivation, setting: string): DetectedActivation {
  if (setting === "auto" || !DIALECTS.includes(setting as Dialect) || setting === found.dialect) {
    return found;
  }
  const dialect = setting as Dialect;
  const given: Record<string, ParamValue> = {};
  for (const name of found.explicit) {
    const v = found.params[name];
    if (v !== undefined) {
      given[name] = v;
    }
  }
  return { ...found, dialect, params: paramsForDialect(found.id, dialect, given, found.kind) };
}
