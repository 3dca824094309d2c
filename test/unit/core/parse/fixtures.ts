/** Loads test/fixtures/parse/fixtures.json (made by scripts/gen_parse_fixtures.py). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ParseGap, ParseOptions } from "../../../../src/core/parse";

export interface Fixture {
  name: string;
  text: string;
  format: string;
  shape: number[];
  values: (number | string)[];
  source: string;
  dtype?: string;
  options?: ParseOptions;
  columnLabels?: string[];
  gaps?: ParseGap[];
  fullShape?: number[];
  warnings?: string[];
  attributes?: Record<string, string>;
  /** formatNumbers writes these values back exactly as the tool printed them (wrapping included). */
  reprint?: boolean;
}

export function decode(v: number | string): number {
  if (typeof v === "number") {
    return v;
  }
  switch (v) {
    case "nan":
      return NaN;
    case "inf":
      return Infinity;
    case "-inf":
      return -Infinity;
    case "-0":
      return -0;
    default:
      throw new Error(`bad encoded value ${v}`);
  }
}

export function loadFixtures(): Fixture[] {
  const path = join(__dirname, "..", "..", "..", "fixtures", "parse", "fixtures.json");
  return (JSON.parse(readFileSync(path, "utf8")) as { fixtures: Fixture[] }).fixtures;
}
