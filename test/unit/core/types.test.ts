import assert from "node:assert/strict";
import { DIALECTS } from "../../../src/core/types";

describe("core types", () => {
  it("lists every dialect once", () => {
    assert.equal(new Set(DIALECTS).size, DIALECTS.length);
    assert.ok(DIALECTS.includes("torch"));
  });
});
