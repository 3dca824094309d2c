import assert from "node:assert/strict";
import { EXPLAIN_TOPICS, isPanelState, type ExplainState } from "../../../../src/shared/protocol";
import {
  SCHEMAS,
  defaultSettings,
  explainActivations,
  offeredActivation,
  parseNumberList,
  readSettings,
  settingKey,
  switchTopic,
  writeSettings,
} from "../../../../src/webview/explain/settings";

describe("webview/explain/settings", () => {
  it("reads every topic's complete defaults from empty settings, without notes", () => {
    for (const topic of EXPLAIN_TOPICS) {
      const { values, notes } = readSettings(topic, {});
      assert.deepEqual(notes, [], topic);
      assert.deepEqual(Object.keys(values).sort(), Object.keys(SCHEMAS[topic]).sort(), topic);
    }
    const i = readSettings("interaction", {}).values;
    assert.deepEqual([i.activation, i.wA, i.wB, i.b], ["relu", 2, 3, 0]);
    assert.deepEqual(i.aRange, [-5, 5]);
    assert.equal(readSettings("saturation", {}).values.eps, 0.001);
  });

  it("keeps all topics' keys together within the protocol's 64 settings entries", () => {
    const all = Object.assign({}, ...EXPLAIN_TOPICS.map((t) => defaultSettings(t)));
    assert.ok(Object.keys(all).length <= 64, `${Object.keys(all).length} keys`);
    for (const topic of EXPLAIN_TOPICS) {
      const state: ExplainState = { view: "explain", topic, settings: all };
      assert.ok(isPanelState(state), `merged defaults pass the protocol's validation (${topic})`);
    }
  });

  it("prefixes keys with the topic and writes typed values back", () => {
    assert.equal(settingKey("depth", "width"), "depth.width");
    assert.deepEqual(defaultSettings("bias")["bias.biases"], [-3, 0, 3, 7]);
    assert.deepEqual(writeSettings("interaction", { wA: 1.5, bRange: [-110, 10] }), {
      "interaction.wA": 1.5,
      "interaction.bRange": [-110, 10],
    });
    const back = readSettings("interaction", writeSettings("interaction", { wA: 1.5, bRange: [-110, 10] })).values;
    assert.equal(back.wA, 1.5);
    assert.deepEqual(back.bRange, [-110, 10]);
  });

  it("clamps numbers and rounds integers, with a note", () => {
    const r = readSettings("depth", { "depth.width": 1000, "depth.depth": 7.6, "depth.batch": -3 });
    assert.equal(r.values.width, 256);
    assert.equal(r.values.depth, 8);
    assert.equal(r.values.batch, 1);
    assert.equal(r.notes.length, 3);
    assert.match(r.notes[0], /depth\.width = 1000 set to 256/);
  });

  it("replaces values of the wrong kind by the default, with a note naming the key", () => {
    const r = readSettings("bias", {
      "bias.activation": "threshold",
      "bias.biases": [1, 2, 3, 4, 5, 6, 7, 8, 9],
      "bias.range": [5, -5],
    });
    assert.equal(r.values.activation, "relu");
    assert.deepEqual(r.values.biases, [-3, 0, 3, 7]);
    assert.deepEqual(r.values.range, [-10, 10]);
    assert.equal(r.notes.length, 3);
    assert.ok(r.notes.every((n) => n.startsWith("bias.")));
    const e = readSettings("reluSum", { "reluSum.target": "cubic", "reluSum.units": "8" as unknown as number });
    assert.equal(e.values.target, "sin");
    assert.equal(e.values.units, 8);
    assert.equal(e.notes.length, 2);
  });

  it("ignores other topics' keys and unprefixed keys", () => {
    const r = readSettings("interaction", { wA: 9, "bias.activation": "tanh", "interaction.b": 1 });
    assert.equal(r.values.wA, 2);
    assert.equal(r.values.activation, "relu");
    assert.equal(r.values.b, 1);
    assert.deepEqual(r.notes, []);
  });

  it("resolves activation aliases to canonical ids and offers only elementwise ones with defaults", () => {
    assert.equal(offeredActivation("LeakyReLU"), "leaky_relu");
    assert.equal(readSettings("saturation", { "saturation.activation": "Tanh" }).values.activation, "tanh");
    assert.equal(offeredActivation("softmax"), undefined);
    assert.equal(offeredActivation("threshold"), undefined);
    const ids = explainActivations().map((a) => a.id);
    assert.ok(ids.includes("relu") && ids.includes("sigmoid") && ids.includes("gelu"));
    assert.ok(!ids.includes("threshold") && !ids.includes("softmax"));
  });

  it("merges a new topic's defaults under existing settings when the tab changes", () => {
    const state: ExplainState = {
      view: "explain",
      topic: "interaction",
      settings: { "interaction.wA": 4, "bias.biases": [1] },
    };
    const next = switchTopic(state, "bias");
    assert.equal(next.topic, "bias");
    assert.equal(next.settings["interaction.wA"], 4, "other topics' values are kept");
    assert.deepEqual(next.settings["bias.biases"], [1], "the new topic's earlier values win over its defaults");
    assert.equal(next.settings["bias.activation"], "relu");
    assert.deepEqual(next.settings["bias.range"], [-10, 10]);
    const back = switchTopic(next, "interaction");
    assert.equal(back.settings["interaction.wA"], 4);
  });

  it("parses typed number lists (commas, spaces, semicolons, U+2212 minus)", () => {
    assert.deepEqual(parseNumberList("−3, 0, 3, 7"), [-3, 0, 3, 7]);
    assert.deepEqual(parseNumberList(" 1;2  3e1 "), [1, 2, 30]);
    assert.equal(parseNumberList(""), undefined);
    assert.equal(parseNumberList("1, x"), undefined);
    assert.equal(parseNumberList("1, Infinity"), undefined);
  });
});
