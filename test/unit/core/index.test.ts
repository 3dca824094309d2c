/**
 * src/core/index.ts: the core's one public entry point exposes the API with the documented behaviour,
 * and every export of every module index, as the very same binding (nothing shadowed, nothing copied).
 */
import assert from "node:assert/strict";
import * as core from "../../../src/core/index";
import * as activations from "../../../src/core/activations/index";
import * as colormap from "../../../src/core/colormap/index";
import * as detect from "../../../src/core/detect/index";
import * as dialects from "../../../src/core/dialects/index";
import * as explain from "../../../src/core/explain/index";
import * as format from "../../../src/core/format/index";
import * as kernels from "../../../src/core/kernels/index";
import * as precision from "../../../src/core/kernels/precision";
import * as parse from "../../../src/core/parse/index";
import * as plot from "../../../src/core/plot/index";
import * as pool from "../../../src/core/pool/index";
import * as stats from "../../../src/core/stats/index";
import * as types from "../../../src/core/types";

describe("core public API (src/core/index.ts)", () => {
  const modules: Record<string, Record<string, unknown>> = {
    activations,
    colormap,
    detect,
    dialects,
    explain,
    format,
    kernels,
    parse,
    plot,
    pool,
    precision,
    stats,
    types,
  };

  for (const [name, mod] of Object.entries(modules)) {
    it(`re-exports every export of ${name} as the same binding`, () => {
      const keys = Object.keys(mod);
      if (name !== "types") {
        assert.ok(keys.length > 0, `${name} exports something`);
      }
      for (const k of keys) {
        assert.ok(k in core, `${name}.${k} is exported from src/core/index.ts`);
        assert.equal((core as Record<string, unknown>)[k], mod[k], `${name}.${k} is the same binding`);
      }
    });
  }

  it("has the issue's six entry points as functions", () => {
    for (const k of [
      "listActivations",
      "getActivation",
      "evaluate",
      "derivative",
      "applyActivation",
      "applyDerivative",
    ] as const) {
      assert.equal(typeof core[k], "function", k);
    }
  });

  it("resolves ids and aliases case-insensitively and evaluates with torch's defaults", () => {
    assert.equal(core.getActivation("LeakyReLU")?.id, "leaky_relu");
    assert.equal(core.getActivation("GELU")?.id, "gelu");
    assert.equal(core.getActivation("swish")?.id, "silu");
    assert.equal(core.getActivation("no_such_activation"), undefined);
    assert.ok(core.listActivations().some((s) => s.id === "relu"));
    assert.equal(core.evaluate("relu", -2), 0);
    assert.equal(core.evaluate("leaky_relu", -2), -0.02);
    assert.equal(core.derivative("leaky_relu", 0), 0.01, "torch autograd: leaky_relu′(0) = negative_slope");
    assert.equal(core.derivative("relu", 0), 0, "torch autograd: relu′(0) = 0");
    assert.throws(() => core.evaluate("leaky_relu", 1, { slope: 0.2 }), core.ActivationParamError);
    assert.throws(() => core.evaluate("nope", 1), core.UnknownActivationError);
  });

  it("applies and differentiates typed arrays, float32 and float64", () => {
    const x64 = Float64Array.of(-1, 0, 2);
    assert.deepEqual([...core.applyActivation("relu", x64)], [0, 0, 2]);
    assert.deepEqual([...core.applyDerivative("relu", x64)], [0, 0, 1]);
    const x32 = Float32Array.of(-1, 0.5, 7);
    const y32 = core.applyActivation("relu6", x32);
    assert.ok(y32 instanceof Float32Array);
    assert.deepEqual([...y32], [0, 0.5, 6]);
  });
});
