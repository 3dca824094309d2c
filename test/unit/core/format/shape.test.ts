import assert from "node:assert/strict";
import { formatShape } from "../../../../src/core/format";

describe("core/format/formatShape", () => {
  it("joins dimensions with a multiplication sign", () => {
    assert.equal(formatShape([2, 3, 4]), "2 \u00d7 3 \u00d7 4");
    assert.equal(formatShape([5]), "5");
    assert.equal(formatShape([1, 0]), "1 \u00d7 0");
    assert.equal(formatShape([]), "scalar");
  });
});
