import assert from "node:assert/strict";
import fc from "fast-check";
import { isFromWebviewMessage, isPanelState, isToWebviewMessage, type PanelState } from "../../../src/shared/protocol";

const good: PanelState = { view: "curves", curves: [{ id: "relu", params: {} }], range: [-7, 7], layout: "side-by-side" };

describe("shared/protocol validators", () => {
  it("accept the messages each side sends", () => {
    assert.ok(isToWebviewMessage({ type: "show", state: good }));
    assert.ok(isFromWebviewMessage({ type: "ready" }));
    assert.ok(
      isFromWebviewMessage({ type: "rendered", view: "curves", canvases: ["curve-f"], curves: ["relu"], params: [{}], points: 10, summary: {} }),
    );
    assert.ok(isFromWebviewMessage({ type: "exported", requestId: 1, png: "data:image/png;base64,AAAA", csv: "x\n1", name: "curves-relu" }));
    assert.ok(isFromWebviewMessage({ type: "stateChanged", state: good }));
    assert.ok(isFromWebviewMessage({ type: "error", message: "boom" }));
  });

  it("reject malformed messages from a webview", () => {
    const bad: unknown[] = [
      null,
      undefined,
      42,
      "ready",
      [],
      {},
      { type: "nope" },
      { type: 1 },
      { type: "rendered", view: "curves", canvases: "curve-f", curves: [], params: [], points: 1, summary: {} },
      { type: "rendered", view: "curves", canvases: [], curves: [], params: [], points: -1, summary: {} },
      { type: "rendered", view: "curves", canvases: [], curves: [], params: [], points: Number.NaN, summary: {} },
      { type: "rendered", view: "curves", canvases: [], curves: ["relu"], params: [], points: 1, summary: {} },
      { type: "exported", requestId: 1, png: "javascript:alert(1)", csv: "", name: "x" },
      { type: "exported", requestId: 1, png: "data:image/png;base64,AA", csv: "", name: "../../etc/passwd" },
      { type: "stateChanged", state: { ...good, range: [7, -7] } },
      { type: "stateChanged", state: { ...good, curves: [] } },
      { type: "stateChanged", state: { ...good, curves: [{ id: "relu", params: { a: { nested: 1 } } }] } },
      { type: "stateChanged", state: { ...good, layout: "diagonal" } },
      { type: "error", message: "x".repeat(5000) },
    ];
    for (const m of bad) {
      assert.equal(isFromWebviewMessage(m), false, JSON.stringify(m));
    }
  });

  it("check that heatmap data matches the declared shape", () => {
    const state = {
      view: "heatmap",
      rows: 2,
      units: 3,
      shape: [2, 3],
      source: "sel",
      activation: { id: "relu", params: {} },
      colormaps: { pre: "RdBu", post: "viridis" },
      saturationEps: 1e-3,
    };
    assert.ok(isToWebviewMessage({ type: "show", state, data: new ArrayBuffer(48) }));
    assert.equal(isToWebviewMessage({ type: "show", state, data: new ArrayBuffer(40) }), false);
    assert.equal(isToWebviewMessage({ type: "show", state }), false);
    assert.equal(isToWebviewMessage({ type: "show", state: { ...state, rows: 0 } , data: new ArrayBuffer(0) }), false);
    assert.equal(isToWebviewMessage({ type: "show", state: good, data: new ArrayBuffer(8) }), false);
    for (const pooling of ["extreme", "mean"]) {
      assert.ok(isPanelState({ ...state, pooling }), pooling);
    }
    assert.equal(isPanelState({ ...state, pooling: "max" }), false);
  });

  it("accept explainer states, with the user's values only when declared", () => {
    const st = { view: "explain", topic: "interaction", settings: { wA: 2, wB: 3, activation: "relu", kinks: [0, 1] } };
    assert.ok(isPanelState(st));
    assert.ok(isToWebviewMessage({ type: "show", state: st }));
    assert.equal(isToWebviewMessage({ type: "show", state: st, data: new ArrayBuffer(8) }), false);
    const withSel = { ...st, topic: "dying", selection: { rows: 2, units: 2, label: "sel" } };
    assert.ok(isToWebviewMessage({ type: "show", state: withSel, data: new ArrayBuffer(32) }));
    assert.equal(isToWebviewMessage({ type: "show", state: withSel, data: new ArrayBuffer(24) }), false);
    assert.equal(isPanelState({ ...st, topic: "astrology" }), false);
    assert.equal(isPanelState({ ...st, settings: { kinks: [Number.NaN] } }), false);
    assert.equal(isPanelState({ ...st, settings: { nested: { a: 1 } } }), false);
  });

  it("keep each flat record's own limits (params, settings, summaries)", () => {
    const curves = (params: unknown) => ({ ...good, curves: [{ id: "relu", params }] });
    assert.equal(isPanelState(curves({ kinks: [0, 1] })), false, "params take no arrays");
    assert.equal(isPanelState(curves({ s: "x".repeat(65) })), false, "param strings ≤ 64");
    assert.equal(isPanelState(curves({ a: Number.NaN })), false, "params are not NaN");
    const rendered = (summary: unknown) => ({ type: "rendered", view: "curves", canvases: [], curves: [], params: [], points: 0, summary });
    assert.ok(isFromWebviewMessage(rendered({ mean: Number.NaN, note: "x".repeat(1500), first: [Number.NaN, 1] })), "summaries carry NaN and long text");
    assert.equal(isFromWebviewMessage(rendered({ note: "x".repeat(2001) })), false);
    const explain = (settings: unknown) => ({ view: "explain", topic: "bias", settings });
    assert.ok(isPanelState(explain({ "bias.biases": [-3, 0, 7], "bias.activation": "relu" })));
    assert.equal(isPanelState(explain({ "bias.activation": "x".repeat(201) })), false, "setting strings ≤ 200");
    assert.equal(isPanelState(explain({ "bias.biases": [Number.POSITIVE_INFINITY] })), false, "setting arrays are finite");
  });

  it("reject state with non-finite ranges or too many curves", () => {
    assert.equal(isPanelState({ ...good, range: [Number.NEGATIVE_INFINITY, 1] }), false);
    assert.equal(isPanelState({ ...good, range: [-1e308, 1e308] }), false, "a width that overflows");
    assert.equal(isPanelState({ ...good, range: [-1e300, 1e300] }), true);
    assert.equal(isPanelState({ ...good, curves: Array.from({ length: 13 }, () => ({ id: "relu", params: {} })) }), false);
  });

  it("never throw on arbitrary input", () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r1 = isFromWebviewMessage(x);
        const r2 = isToWebviewMessage(x);
        return typeof r1 === "boolean" && typeof r2 === "boolean";
      }),
      { numRuns: 2000 },
    );
  });
});
