import assert from "node:assert/strict";
import fc from "fast-check";
import { base64Decode, base64Encode } from "../../../src/core/base64";
import { readPersisted } from "../../../src/shared/persisted";

describe("core/base64", () => {
  it("encodes like Node's Buffer and decodes back, for any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const s = base64Encode(bytes);
        assert.equal(s, Buffer.from(bytes).toString("base64"));
        assert.deepEqual(base64Decode(s), bytes);
      }),
      { numRuns: 500 },
    );
  });

  it("rejects malformed text", () => {
    for (const bad of ["abc", "ab=c", "a===", "ab\u00e9d", "!!!!", "ab=="+"=", "AAA-"]) {
      assert.equal(base64Decode(bad), undefined, bad);
    }
  });

  it("persisted heatmap state round-trips its float64 values, and a wrong length is refused", () => {
    const values = new Float64Array([-1.5, 0, Number.NaN, Number.POSITIVE_INFINITY, -0, 3]);
    const state = {
      view: "heatmap",
      rows: 2,
      units: 3,
      shape: [2, 3],
      source: "s",
      activation: { id: "relu", params: {} },
      colormaps: { pre: "RdBu", post: "viridis" },
      saturationEps: 1e-3,
    };
    const data = base64Encode(new Uint8Array(values.buffer));
    const back = readPersisted({ state, data });
    assert.ok(back?.data);
    assert.deepEqual(new Float64Array(back.data), values);
    assert.equal(readPersisted({ state: { ...state, units: 2 }, data }), undefined);
    assert.equal(readPersisted({ state, data: "%%%%" }), undefined);
    assert.equal(readPersisted("nonsense"), undefined);
  });
});
