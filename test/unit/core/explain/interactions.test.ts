import assert from "node:assert/strict";
import fc from "fast-check";
import { derivative, evaluate } from "../../../../src/core/activations";
import { clipLine, interactionAt, interactionGrid } from "../../../../src/core/explain/interactions";

const classic = { id: "relu", wA: 2, wB: 3, b: 0 } as const;

describe("core/explain/interactions: f(wA·A + wB·B + b)", () => {
  it("classic ReLU example: at A = 1, B = 1 raising A raises the output (∂f/∂A = 2)", () => {
    const p = interactionAt({ ...classic, A: 1, B: 1 });
    assert.deepEqual(p, { z: 5, value: 5, dA: 2, dB: 3 });
  });

  it("classic ReLU example: at B = −100 the output stays 0 for every A in range (∂f/∂A = 0)", () => {
    for (let A = -10; A <= 10; A += 0.5) {
      const p = interactionAt({ ...classic, A, B: -100 });
      assert.equal(p.value, 0, `A = ${A}`);
      assert.equal(p.dA, 0, `A = ${A}`);
    }
    const g = interactionGrid({ ...classic, aRange: [-10, 10], bRange: [-100, -90], nA: 21, nB: 3 });
    for (let i = 0; i < 21; i++) {
      assert.equal(g.values[i], 0); // row j = 0 is B = −100
      assert.equal(g.dA[i], 0);
    }
    // ... while at B = 1 the same A sweep changes the output wherever 2A + 3 > 0.
    const h = interactionGrid({ ...classic, aRange: [-10, 10], bRange: [1, 2], nA: 21, nB: 2 });
    assert.equal(h.values[20], 23);
    assert.equal(h.dA[20], 2);
  });

  it("fills the grid row-major (rows B, columns A) with the registry's f and wA·f′ (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("relu", "tanh", "gelu", "hardtanh", "leaky_relu"),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 2, max: 9 }),
        (id, wA, wB, b, nA, nB) => {
          const g = interactionGrid({ id, wA, wB, b, aRange: [-2, 3], bRange: [-1, 1], nA, nB });
          assert.equal(g.a[0], -2);
          assert.equal(g.a[nA - 1], 3);
          assert.equal(g.b[nB - 1], 1);
          for (let j = 0; j < nB; j++) {
            for (let i = 0; i < nA; i++) {
              const z = wA * g.a[i] + (wB * g.b[j] + b);
              const k = j * nA + i;
              assert.equal(g.values[k], evaluate(id, z));
              assert.equal(g.dA[k], wA * derivative(id, z));
              assert.equal(g.dB[k], wB * derivative(id, z));
              const p = interactionAt({ id, wA, wB, b, A: g.a[i], B: g.b[j] });
              assert.ok(Math.abs(p.value - g.values[k]) <= 1e-12 * (1 + Math.abs(p.value)));
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("clips the kink line 2A + 3B = 0 to the box, one line per kink of f", () => {
    const g = interactionGrid({ ...classic, aRange: [-3, 3], bRange: [-3, 3], nA: 2, nB: 2 });
    assert.equal(g.kinkLines.length, 1);
    assert.equal(g.kinkLines[0].kink, 0);
    const s = g.kinkLines[0].segment;
    assert.ok(s !== null);
    // Through (−3, 2) and (3, −2).
    const ends = [
      [s.a0, s.b0],
      [s.a1, s.b1],
    ].sort((p, q) => p[0] - q[0]);
    assert.deepEqual(ends, [
      [-3, 2],
      [3, -2],
    ]);
    // Far from the box: no segment.
    const off = interactionGrid({ ...classic, aRange: [-3, 3], bRange: [-100, -90], nA: 2, nB: 2 });
    assert.equal(off.kinkLines[0].segment, null);
    // relu6 has two kinks: z = 0 and z = 6.
    const r6 = interactionGrid({ ...classic, id: "relu6", aRange: [-3, 3], bRange: [-3, 3], nA: 2, nB: 2 });
    assert.deepEqual(
      r6.kinkLines.map((k) => k.kink),
      [0, 6],
    );
    assert.ok(r6.kinkLines[1].segment !== null);
    // Smooth activations have none.
    assert.deepEqual(interactionGrid({ ...classic, id: "tanh", aRange: [-3, 3], bRange: [-3, 3], nA: 2, nB: 2 }).kinkLines, []);
  });

  it("clipLine: vertical, horizontal, corner-touching and degenerate lines", () => {
    assert.deepEqual(clipLine(1, 0, -1, [0, 2], [0, 5]), { a0: 1, b0: 0, a1: 1, b1: 5 }); // A = 1
    assert.deepEqual(clipLine(0, 2, -4, [0, 2], [0, 5]), { a0: 0, b0: 2, a1: 2, b1: 2 }); // B = 2
    assert.equal(clipLine(1, 1, 0, [0, 1], [0, 1]), null); // A + B = 0 touches only the corner (0, 0)
    assert.equal(clipLine(0, 0, 0, [0, 1], [0, 1]), null);
    const diag = clipLine(1, -1, 0, [0, 1], [0, 1]); // A = B, corner to corner
    assert.ok(diag !== null && Math.hypot(diag.a1 - diag.a0, diag.b1 - diag.b0) === Math.SQRT2);
  });

  it("rejects bad inputs", () => {
    assert.throws(() => interactionGrid({ ...classic, aRange: [1, 0], bRange: [0, 1], nA: 3, nB: 3 }), RangeError);
    assert.throws(() => interactionGrid({ ...classic, aRange: [0, 1], bRange: [0, 1], nA: 1, nB: 3 }), RangeError);
    assert.throws(() => interactionGrid({ ...classic, wA: NaN, aRange: [0, 1], bRange: [0, 1], nA: 3, nB: 3 }), RangeError);
    assert.throws(() => interactionAt({ ...classic, A: Infinity, B: 0 }), RangeError);
    assert.throws(() => interactionAt({ ...classic, id: "softmax", A: 0, B: 0 }), /vector/);
  });
});
