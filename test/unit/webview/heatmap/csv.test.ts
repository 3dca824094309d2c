import assert from "node:assert/strict";
import { csvField, csvNumber, heatmapCsv } from "../../../../src/webview/heatmap/csv";

describe("webview/heatmap/csv", () => {
  it("writes row, pre values, then post values, with unit indices as headers", () => {
    const csv = heatmapCsv([1, -2, 3, -4], [1, 0, 3, 0], 2, 2);
    assert.equal(csv, "row,pre_0,pre_1,post_0,post_1\n0,1,-2,1,0\n1,3,-4,3,0\n");
  });

  it("uses the column labels, quoted when they need it", () => {
    const csv = heatmapCsv([1, 2], [1, 2], 1, 2, ["fc1", 'a,"b"']);
    assert.equal(csv.split("\n")[0], 'row,pre_fc1,"pre_a,""b""",post_fc1,"post_a,""b"""');
  });

  it("writes values in full, non-finite ones as numpy reads them, and keeps −0", () => {
    assert.equal(csvNumber(0.1 + 0.2), "0.30000000000000004");
    assert.equal(csvNumber(NaN), "nan");
    assert.equal(csvNumber(Infinity), "inf");
    assert.equal(csvNumber(-Infinity), "-inf");
    assert.equal(csvNumber(-0), "-0");
    assert.equal(csvNumber(1e-300), "1e-300");
    assert.equal(Number(csvNumber(-1.2345678901234567)), -1.2345678901234567);
  });

  it("csvField leaves plain names alone", () => {
    assert.equal(csvField("pre_3"), "pre_3");
    assert.equal(csvField("a\nb"), '"a\nb"');
  });
});
