import assert from "node:assert/strict";
import fc from "fast-check";
import { leastSquares } from "../../../../src/core/explain/lstsq";

describe("core/explain/lstsq: Householder QR least squares", () => {
  it("solves a square system exactly and an overdetermined one by least squares", () => {
    // A = [[2, 1], [1, 3]] column-major: [2, 1, 1, 3]; A·[1, 2] = [4, 7].
    const sq = leastSquares(Float64Array.of(2, 1, 1, 3), 2, 2, Float64Array.of(4, 7), 0);
    assert.ok(Math.abs(sq.solution[0] - 1) < 1e-14 && Math.abs(sq.solution[1] - 2) < 1e-14);
    // Fit y = c + a·x to (0, 1), (1, 3), (2, 2): normal equations give c = 1.5, a = 0.5.
    const line = leastSquares(Float64Array.of(1, 1, 1, 0, 1, 2), 3, 2, Float64Array.of(1, 3, 2), 0);
    assert.ok(Math.abs(line.solution[0] - 1.5) < 1e-14 && Math.abs(line.solution[1] - 0.5) < 1e-14);
    assert.ok(Math.abs(line.residual[0] + 0.5) < 1e-14);
  });

  it("solves the ridge normal equations Aᵀr = λ·D²·v, D = column norms, for any matrix (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 10 }),
        fc.infiniteStream(fc.double({ min: -10, max: 10, noNaN: true })),
        fc.constantFrom(0, 1e-12, 1e-6, 1),
        (n, extra, stream, ridge) => {
          const m = n + extra;
          const it = stream[Symbol.iterator]();
          const a = Float64Array.from({ length: m * n }, () => it.next().value as number);
          const y = Float64Array.from({ length: m }, () => it.next().value as number);
          const { residual, solution: v } = leastSquares(a, m, n, y, ridge);
          const norms = Array.from({ length: n }, (_, j) => Math.hypot(...a.subarray(j * m, (j + 1) * m)));
          if (ridge === 0) {
            // Without a ridge only well-conditioned problems have a meaningful solution: check those.
            const smallest = Math.min(...norms);
            if (!(smallest > 1e-3) || n > m) {
              return;
            }
          }
          const size = Math.hypot(...y) + norms.reduce((s, c, k) => s + (c > 0 ? c : 1) * Math.abs(v[k]), 0);
          for (let j = 0; j < n; j++) {
            if (norms[j] <= 1e-280) {
              assert.equal(v[j], 0, "columns of norm ≤ 1e−280 count as zero"); // documented
              continue;
            }
            let dot = 0;
            for (let i = 0; i < m; i++) {
              dot += a[j * m + i] * residual[i];
            }
            const d = norms[j] > 0 ? norms[j] : 1;
            const want = ridge * d * (d * v[j]); // d·v first: d² alone can underflow
            assert.ok(Math.abs(dot - want) <= 1e-8 * d * size + 1e-300, `column ${j}: Aᵀr = ${dot}, λd²v = ${want}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("stays finite with identical or zero columns thanks to the ridge", () => {
    const r = leastSquares(Float64Array.of(1, 2, 3, 1, 2, 3, 0, 0, 0), 3, 3, Float64Array.of(2, 4, 6));
    assert.ok(r.solution.every(Number.isFinite));
    assert.ok(Math.abs(r.solution[0] + r.solution[1] - 2) < 1e-9);
    assert.equal(r.solution[2], 0);
  });

  it("rejects inconsistent sizes and bad ridges", () => {
    assert.throws(() => leastSquares(new Float64Array(5), 3, 2, new Float64Array(3)), RangeError);
    assert.throws(() => leastSquares(new Float64Array(6), 3, 2, new Float64Array(2)), RangeError);
    assert.throws(() => leastSquares(new Float64Array(6), 3, 2, new Float64Array(3), -1), RangeError);
  });
});
