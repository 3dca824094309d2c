import assert from "node:assert/strict";
import fc from "fast-check";
import { isFromWebviewMessage, isPanelState, isToWebviewMessage, type PanelState } from "../../../src/shared/protocol";

const good: PanelState = { view: "curves", curves: [{ id: "relu", params: {} }], range: [-7, 7], layout: "side-by-side" };

describe("shared/protocol validators", () => {
  it("accept the messages each side sends", () => {
    assert.ok(isToWebviewMessage({ type: "show", state: good }));
    assert.ok(isFromWebviewMessage({ type: "ready" }));
    assert.ok(isFromWebviewMessage({ type: "rendered", view: "curves", canvases: ["curve-f"], curves: ["relu"], points: 10 }));
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
      { type: "rendered", view: "curves", canvases: "curve-f", curves: [], points: 1 },
      { type: "rendered", view: "curves", canvases: [], curves: [], points: -1 },
      { type: "rendered", view: "curves", canvases: [], curves: [], points: Number.NaN },
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

  it("reject state with non-finite ranges or too many curves", () => {
    assert.equal(isPanelState({ ...good, range: [Number.NEGATIVE_INFINITY, 1] }), false);
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
