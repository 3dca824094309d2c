/**
 * The detector and the dialect table speak the registry's language: every id they emit is a registry id, every
 * parameter name is one of that spec's parameters, and the values pass the registry's own validation.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getActivation, listActivations, resolveParams } from "../../../../src/core/activations";
import { findActivations } from "../../../../src/core/detect";
import { DIALECT_TABLES, TORCH_PARAMS, applyForm, paramsForDialect } from "../../../../src/core/dialects";
import type { Params } from "../../../../src/core/types";
import { DIALECTS } from "../../../../src/core/types";

const FIXTURES = join(__dirname, "..", "..", "..", "fixtures", "detect");
const LANGUAGE_BY_EXT: Record<string, string> = { py: "python", ts: "typescript", jl: "julia" };

/** Parameters the registry has that the dialect table deliberately never emits (layout, only −1 supported). */
const NOT_EMITTED = new Set(["dim", "rows"]);

function checkAgainstRegistry(id: string, params: Params, where: string): void {
  const spec = getActivation(id);
  assert.ok(spec !== undefined && spec.id === id, `${where}: ${id} is not a registry id`);
  const names = spec.params.map((p) => p.name);
  for (const name of Object.keys(params)) {
    assert.ok(names.includes(name), `${where}: ${name} is not a parameter of ${id}`);
  }
  const complete = spec.params.every((p) => p.default !== undefined || p.name in params);
  if (complete) {
    assert.doesNotThrow(() => resolveParams(id, params), `${where}: registry rejects ${JSON.stringify(params)}`);
  }
}

describe("detect/dialects against the activation registry", () => {
  it("TORCH_PARAMS mirrors the registry's PyTorch parameters and defaults", () => {
    const registryIds = listActivations().map((s) => s.id);
    assert.deepEqual(Object.keys(TORCH_PARAMS).sort(), [...registryIds].sort());
    for (const spec of listActivations()) {
      const expected = Object.fromEntries(spec.params.filter((p) => !NOT_EMITTED.has(p.name)).map((p) => [p.name, p.default]));
      assert.deepEqual(TORCH_PARAMS[spec.id], expected, spec.id);
    }
  });

  it("every spelling's parameters (no arguments) are registry parameters with valid values", () => {
    for (const dialect of DIALECTS) {
      for (const form of DIALECT_TABLES[dialect].forms) {
        const applied = applyForm(form);
        checkAgainstRegistry(applied.id, applied.params, `${dialect} ${form.names[0]}`);
        checkAgainstRegistry(form.id, paramsForDialect(form.id, dialect, {}, form.kind), `${dialect} ${form.kind} ${form.id}`);
      }
    }
  });

  it("every detection in the fixtures names a registry id with registry parameters and valid values", () => {
    let count = 0;
    for (const file of readdirSync(FIXTURES)) {
      const languageId = LANGUAGE_BY_EXT[file.slice(file.lastIndexOf(".") + 1)];
      if (!languageId) {
        continue;
      }
      for (const d of findActivations(readFileSync(join(FIXTURES, file), "utf8"), languageId)) {
        checkAgainstRegistry(d.id, d.params, `${file}@${d.start}`);
        count++;
      }
    }
    assert.ok(count >= 60, `only ${count} detections checked`);
  });
});
