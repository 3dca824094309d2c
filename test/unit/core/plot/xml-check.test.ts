import assert from "node:assert/strict";
import { checkSvg } from "./xml-check";

// The checker must itself be able to fail, or the plot tests prove nothing.
describe("test helper: checkSvg", () => {
  const ok = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g a="1"><text>a &amp; b</text></g><path d="M0 0"/></svg>';
  it("accepts a well-formed SVG", () => {
    assert.equal(checkSvg(ok).length, 4);
  });
  it("rejects broken ones", () => {
    const bad = [
      ok.replace("</g>", ""),
      ok.replace("&amp;", "&"),
      ok.replace('a="1"', "a=1"),
      ok.replace('a="1"', 'a="1" a="2"'),
      ok.replace("M0 0", "MNaN 0"),
      ok.replace("M0 0", "M0 Infinity"),
      ok.replace("<path", "<script/><path"),
      ok.replace('d="M0 0"', 'd="M0 0" fill="url(#x)"'),
      ok.replace('d="M0 0"', 'd="M0 0" onclick="x()"'),
      ok + "<svg></svg>",
      ok.replace(' viewBox="0 0 10 10"', ""),
      ok.replace("a &amp; b", "a < b"),
    ];
    for (const svg of bad) {
      assert.throws(() => checkSvg(svg), Error, svg);
    }
  });
});
