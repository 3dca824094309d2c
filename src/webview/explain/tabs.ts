/**
 * The explainers' tab bar: a WAI-ARIA tablist (role tablist/tab, aria-selected, aria-controls, roving
 * tabindex). ←/→ move the focus between tabs (Home/End to the ends, wrapping around), Enter or Space (or a
 * click) selects the focused tab. Built once; `select` marks the shown topic.
 */
import { EXPLAIN_TOPICS, type ExplainTopic } from "../../shared/protocol";
import { h } from "../dom";
import { tabKeyTarget } from "./tabKeys";

export const TOPIC_LABELS: Readonly<Record<ExplainTopic, string>> = {
  interaction: "Interactions",
  bias: "Bias moves the kink",
  reluSum: "Sums of ReLUs",
  depth: "Depth & gradients",
  dying: "Dying ReLU",
  saturation: "Saturation",
};

export class TabBar {
  readonly element: HTMLElement;
  private readonly tabs: HTMLButtonElement[];

  constructor(panelId: string, onSelect: (topic: ExplainTopic) => void) {
    this.tabs = EXPLAIN_TOPICS.map((topic) =>
      h("button", {
        type: "button",
        role: "tab",
        id: `${panelId}-tab-${topic}`,
        class: "explain-tab",
        "data-testid": `explain-tab-${topic}`,
        "aria-selected": "false",
        "aria-controls": panelId,
        tabindex: -1,
        text: TOPIC_LABELS[topic],
      }),
    );
    this.element = h("div", { class: "explain-tabs", role: "tablist", "aria-label": "Explainers" }, ...this.tabs);
    this.tabs.forEach((tab, i) => {
      tab.addEventListener("click", () => onSelect(EXPLAIN_TOPICS[i]));
      tab.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          onSelect(EXPLAIN_TOPICS[i]);
          return;
        }
        const target = tabKeyTarget(e.key, i, this.tabs.length);
        if (target !== undefined) {
          e.preventDefault();
          this.tabs[target].focus();
        }
      });
    });
  }

  /** Marks `topic` as the selected tab (the only one in the tab order). */
  select(topic: ExplainTopic): void {
    this.tabs.forEach((tab, i) => {
      const on = EXPLAIN_TOPICS[i] === topic;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
    });
  }

  /** The id of the tab element of `topic` (for aria-labelledby). */
  tabId(topic: ExplainTopic): string {
    return this.tabs[EXPLAIN_TOPICS.indexOf(topic)].id;
  }
}
