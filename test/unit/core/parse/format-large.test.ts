import assert from "node:assert/strict";
import { formatNumbers, parseNumbers } from "../../../../src/core/parse";

describe("parse/formatNumbers on large inputs", () => {
  it("writes a 200000×1×2 Julia display (more lines than a call takes arguments) and reads it back", () => {
    const like = parseNumbers("2×1×2 Array{Float64, 3}:\n[:, :, 1] =\n 1.0\n 2.0\n\n[:, :, 2] =\n 3.0\n 4.0");
    assert.equal(like.format, "julia-display");
    const n = 200_000;
    const data = Float64Array.from({ length: n * 2 }, (_, i) => i / 7);
    const back = parseNumbers(formatNumbers(data, [n, 1, 2], like), { maxValues: 1e7 });
    assert.deepEqual(back.shape, [n, 1, 2]);
    assert.ok(back.data.every((v, i) => v === data[i]));
  });
});
