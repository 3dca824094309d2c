import assert from "node:assert/strict";
import fc from "fast-check";
import { base64Encode, svgDataUri, utf8Encode } from "../../../../src/core/plot";

/** Strings of any code points, with lone surrogates mixed in (fast-check's "binary" unit is slow to start). */
const anyUtf16 = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0x7ff }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    ),
    { maxLength: 64 },
  )
  .map((parts) => parts.join(""));

describe("core/plot/data-uri", () => {
  it("utf8Encode matches TextEncoder (including astral characters and lone surrogates)", () => {
    const enc = new TextEncoder();
    for (const s of ["", "abc", "f′(x) − ∞ ×", "😀 𝔽", "\ud800x", "x\udc00", "\udbff\udfff", "é\u0000"]) {
      assert.deepEqual(Array.from(utf8Encode(s)), Array.from(enc.encode(s)), JSON.stringify(s));
    }
    fc.assert(
      fc.property(anyUtf16, (s) => {
        assert.deepEqual(Array.from(utf8Encode(s)), Array.from(enc.encode(s)));
      }),
      { numRuns: 300 },
    );
  });

  it("base64Encode matches Buffer for every length mod 3 and long inputs", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 10000 }), (bytes) => {
        assert.equal(base64Encode(bytes), Buffer.from(bytes).toString("base64"));
      }),
      { numRuns: 200 },
    );
    assert.equal(base64Encode(new Uint8Array([])), "");
    assert.equal(base64Encode(new Uint8Array([0xff])), "/w==");
    assert.equal(base64Encode(new Uint8Array([0xfb, 0xff])), "+/8=");
  });

  it("svgDataUri decodes back to the SVG", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>f′(x) − 1 &amp; 😀</text></svg>';
    const uri = svgDataUri(svg);
    const prefix = "data:image/svg+xml;base64,";
    assert.ok(uri.startsWith(prefix));
    assert.match(uri.slice(prefix.length), /^[A-Za-z0-9+/]*={0,2}$/);
    assert.equal(Buffer.from(uri.slice(prefix.length), "base64").toString("utf8"), svg);
  });
});
