import assert from "node:assert/strict";
import fc from "fast-check";
import { cellOf, cellRange, poolMatrix, type Representative } from "../../../../src/core/pool";

/** Deterministic small noise in [-1, 1). */
function noise(n: number, seed = 1): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

describe("core/pool/poolMatrix", () => {
  it("keeps a single spike in a 1000 × 1000 matrix pooled to 100 × 100 visible", () => {
    const rows = 1000;
    const cols = 1000;
    const data = noise(rows * cols);
    const spikes: [number, number, number][] = [
      [537, 291, 50],
      [999, 999, -40],
      [0, 0, 30],
    ];
    for (const [r, c, v] of spikes) {
      data[r * cols + c] = v;
    }
    const p = poolMatrix(data, rows, cols, 100, 100);
    assert.deepEqual([p.outRows, p.outCols, p.pooled], [100, 100, true]);
    for (const [r, c, v] of spikes) {
      const { r: cr, c: cc } = cellOf(p, r, c);
      const k = cr * p.outCols + cc;
      assert.equal(p.rep[k], v, `spike ${v} at (${r}, ${c}) is its cell's representative`);
      assert.equal(v > 0 ? p.max[k] : p.min[k], v);
      assert.ok(Math.abs(p.mean[k]) < Math.abs(v) / 10, "the mean alone would hide it");
    }
    assert.equal(p.totals.max, 50);
    assert.equal(p.totals.min, -40);
    assert.equal(p.totals.finite, rows * cols);
    // every other cell's representative is noise
    let big = 0;
    for (let k = 0; k < p.rep.length; k++) {
      if (Math.abs(p.rep[k]) > 1) {
        big++;
      }
    }
    assert.equal(big, spikes.length);
    // `max` mode keeps the positive spike; `min` the negative one
    const pMax = poolMatrix(data, rows, cols, 100, 100, { representative: "max" });
    assert.equal(pMax.rep[cellOf(pMax, 537, 291).r * 100 + cellOf(pMax, 537, 291).c], 50);
    const pMin = poolMatrix(data, rows, cols, 100, 100, { representative: "min" });
    assert.equal(pMin.rep[99 * 100 + 99], -40);
  });

  it("flags non-finite values so they are never hidden, and counts them", () => {
    const rows = 6;
    const cols = 6;
    const data = new Float64Array(rows * cols).fill(1);
    data[0] = NaN; // cell (0, 0)
    data[3] = Infinity; // cell (0, 1)
    data[3 * cols + 0] = -Infinity; // cell (1, 0)
    data[3 * cols + 3] = Infinity; // cell (1, 1): +∞, −∞, −∞
    data[4 * cols + 4] = -Infinity;
    data[5 * cols + 5] = -Infinity;
    const p = poolMatrix(data, rows, cols, 2, 2);
    assert.ok(Number.isNaN(p.rep[0]));
    assert.equal(p.rep[1], Infinity);
    assert.equal(p.rep[2], -Infinity);
    assert.equal(p.rep[3], -Infinity, "absmax: the more numerous infinity");
    assert.deepEqual(Array.from(p.nan), [1, 0, 0, 0]);
    assert.deepEqual(Array.from(p.posInf), [0, 1, 0, 1]);
    assert.deepEqual(Array.from(p.negInf), [0, 0, 1, 2]);
    assert.deepEqual(Array.from(p.count), [8, 8, 8, 6]);
    assert.deepEqual(Array.from(p.mean), [1, 1, 1, 1], "statistics over finite values only");
    assert.deepEqual(p.totals, { min: 1, max: 1, finite: 30, nan: 1, posInf: 2, negInf: 3 });
    const modes: [Representative, number][] = [
      ["max", Infinity],
      ["min", -Infinity],
      ["mean", NaN],
    ];
    for (const [mode, want] of modes) {
      assert.ok(Object.is(poolMatrix(data, rows, cols, 2, 2, { representative: mode }).rep[3], want), mode);
    }
  });

  it("a block with no finite value has NaN statistics", () => {
    const p = poolMatrix([NaN, Infinity, 1, 2], 2, 2, 1, 1);
    assert.equal(p.count[0], 2);
    const q = poolMatrix([NaN, NaN], 1, 2, 1, 1);
    assert.ok(Number.isNaN(q.min[0]) && Number.isNaN(q.max[0]) && Number.isNaN(q.mean[0]) && Number.isNaN(q.rep[0]));
    assert.ok(Number.isNaN(q.totals.min));
  });

  it("agrees with a naive per-block computation (property)", () => {
    const value = fc.oneof(
      { weight: 20, arbitrary: fc.double({ min: -100, max: 100, noNaN: true }) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom<Representative>("absmax", "max", "min", "mean"),
        fc.array(value, { minLength: 169, maxLength: 169 }),
        (rows, cols, mr, mc, mode, pool) => {
          const data = Float64Array.from(pool.slice(0, rows * cols));
          const p = poolMatrix(data, rows, cols, mr, mc, { representative: mode });
          for (let r = 0; r < p.outRows; r++) {
            for (let c = 0; c < p.outCols; c++) {
              const k = r * p.outCols + c;
              const range = cellRange(p, r, c);
              const block: number[] = [];
              for (let i = range.rowStart; i < range.rowEnd; i++) {
                for (let j = range.colStart; j < range.colEnd; j++) {
                  block.push(data[i * cols + j]);
                }
              }
              const finite = block.filter(Number.isFinite);
              const nNan = block.filter(Number.isNaN).length;
              const nPos = block.filter((v) => v === Infinity).length;
              const nNeg = block.filter((v) => v === -Infinity).length;
              assert.equal(p.count[k], finite.length);
              assert.deepEqual([p.nan[k], p.posInf[k], p.negInf[k]], [nNan, nPos, nNeg]);
              if (finite.length > 0) {
                // signed zeros are not told apart (0 === −0), as documented
                assert.ok(p.min[k] === Math.min(...finite), `min ${p.min[k]}`);
                assert.ok(p.max[k] === Math.max(...finite), `max ${p.max[k]}`);
                const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
                assert.ok(Math.abs(p.mean[k] - mean) <= 1e-9 * (1 + Math.abs(mean)));
              }
              if (nNan + nPos + nNeg > 0) {
                assert.ok(!Number.isFinite(p.rep[k]), "a non-finite value is never hidden");
                if (nNan > 0) {
                  assert.ok(Number.isNaN(p.rep[k]));
                }
              } else if (mode === "absmax") {
                const m = Math.max(...finite.map(Math.abs));
                assert.equal(Math.abs(p.rep[k]), m);
                assert.ok(block.includes(p.rep[k]));
              } else if (mode === "max") {
                assert.ok(p.rep[k] === Math.max(...finite));
              } else if (mode === "min") {
                assert.ok(p.rep[k] === Math.min(...finite));
              } else {
                assert.equal(p.rep[k], p.mean[k]);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("absmax ties go to the positive value", () => {
    assert.equal(poolMatrix([-3, 3, 1, 0], 2, 2, 1, 1).rep[0], 3);
    assert.equal(poolMatrix([-3, 2, 1, 0], 2, 2, 1, 1).rep[0], -3);
  });

  it("unpooled: one value per cell, description says so", () => {
    const data = new Float32Array([1, -2, NaN, 4, 5, 6]);
    const p = poolMatrix(data, 2, 3, 10, 10);
    assert.equal(p.pooled, false);
    assert.deepEqual(Array.from(p.rep).map(String), ["1", "-2", "NaN", "4", "5", "6"]);
    assert.equal(p.description, "2 \u00d7 3, one value per cell");
  });

  it("rejects data shorter than rows × cols", () => {
    assert.throws(() => poolMatrix(new Float64Array(5), 2, 3, 2, 2), RangeError);
  });
});
