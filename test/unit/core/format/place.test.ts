import assert from "node:assert/strict";
import { placeLike } from "../../../../src/core/format/place";

describe("placeLike: a replacement laid out like the selection", () => {
  it("keeps the indentation and the newline of whole selected lines, and indents continuation lines", () => {
    const selected = "    tensor([[-1.,  2.],\n            [ 3., -4.]])\n";
    const out = placeLike(selected, "tensor([[0., 2.],\n        [3., 0.]])", "    ");
    assert.equal(out, "    tensor([[0., 2.],\n            [3., 0.]])\n");
  });

  it("aligns under a selection that starts mid-line (after `y = `)", () => {
    assert.equal(placeLike("array([1, -2])", "array([1, 0])", "y = "), "array([1, 0])");
    assert.equal(placeLike("[[1],\n     [2]]", "[[1],\n [2]]", "y = "), "[[1],\n     [2]]");
  });

  it("keeps tabs in the indentation and CRLF line breaks", () => {
    assert.equal(placeLike("\t[1,\r\n\t 2]\r\n", "[1,\n 2]", "\t"), "\t[1,\r\n\t 2]\r\n");
  });

  it("leaves a selection without surrounding whitespace as the replacement itself", () => {
    assert.equal(placeLike("1.5", "1.5", ""), "1.5");
    assert.equal(placeLike("a,b\n1,2", "a,b\n1,0", ""), "a,b\n1,0");
  });
});
