import { describe, expect, it } from "vitest";
import { dedupItems, fingerprintItem, generateItems, PERTURB_OPERATORS, ZBenchmarkItem, type TItemDraft } from "../../src/index.ts";
import { buildBuiltinVersion, buildSyntheticVersion } from "./fixtures.ts";
import { expectCorrectOptionsTrue, expectDistractorsFalse, expectLinksConsistent } from "./helpers.ts";

describe("generateItems on a builtin-extracted knowledge version", () => {
  const version = buildBuiltinVersion();
  const { items, skipped } = generateItems(version.chains, version.graph, { seed: 1 });

  it("writes valid items of every kind and both modes", () => {
    expect(items.length).toBeGreaterThan(30);
    for (const item of items) expect(ZBenchmarkItem.parse(item)).toEqual(item);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(["statement", "order", "condition"]));
    expect(new Set(items.map((i) => i.mode))).toEqual(new Set(["single", "multi"]));
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    expect(skipped.every((s) => s.count > 0 && s.reason.length > 0)).toBe(true);
  });

  it("makes every distractor false against the graph, recording its operator and source relation", () => {
    expectDistractorsFalse(items, version);
    expectCorrectOptionsTrue(items, version);
  });

  it("links every item to its chain, relations, concepts and chunks", () => {
    expectLinksConsistent(items, version);
  });

  it("skips chains whose relations are not in the graph, with a reason", () => {
    const orphan = { ...version.chains[0]!, id: "orphan", steps: [{ order: 1, relationId: "nope", text: "x" }, { order: 2, relationId: "nope2", text: "y" }] };
    const result = generateItems([orphan], version.graph, { seed: 1 });
    expect(result.items).toEqual([]);
    expect(result.skipped).toEqual([{ chainId: "orphan", reason: "no relation of the chain is in the graph", count: 1 }]);
  });
});

describe("generateItems: determinism, resume, refill", () => {
  const version = buildSyntheticVersion(11, ["physics", "economics"], 20);

  it("gives the same items for the same seed and different ones for another", () => {
    const a = generateItems(version.chains, version.graph, { seed: 5 });
    expect(generateItems(version.chains, version.graph, { seed: 5 })).toEqual(a);
    const b = generateItems(version.chains, version.graph, { seed: 6 });
    expect(b.items.map((i) => i.options.map((o) => o.text))).not.toEqual(a.items.map((i) => i.options.map((o) => o.text)));
  });

  it("resumes: existing keys are skipped and the rest is exactly what a full run writes", () => {
    const full = generateItems(version.chains, version.graph, { seed: 5 }).items;
    const existing = new Set(full.filter((_, i) => i % 3 !== 2).map((i) => i.key));
    let calls = 0;
    const streamed: string[] = [];
    const resumed = generateItems(version.chains, version.graph, { seed: 5 }, { existingKeys: existing, wording: (d) => (calls++, d), onItem: (i) => streamed.push(i.key) });
    expect(resumed.items).toEqual(full.filter((i) => !existing.has(i.key)));
    expect(calls).toBe(resumed.items.length);
    expect([...streamed].sort()).toEqual(resumed.items.map((i) => i.key).sort());
    expect(generateItems(version.chains, version.graph, { seed: 5 }, { existingKeys: new Set(full.map((i) => i.key)) }).items).toEqual([]);
  });

  it("refills chains up to the target and reports the ones it exhausts", () => {
    const noRefill = generateItems(version.chains, version.graph, { seed: 5, itemsPerChain: 8, maxRefillRounds: 0 });
    const refill = generateItems(version.chains, version.graph, { seed: 5, itemsPerChain: 8, maxRefillRounds: 4 });
    expect(refill.items.length).toBeGreaterThanOrEqual(noRefill.items.length);
    const perChain = new Map<string, number>();
    for (const item of refill.items) perChain.set(item.chainId, (perChain.get(item.chainId) ?? 0) + 1);
    expect(Math.max(...perChain.values())).toBe(8);
    const many = generateItems(version.chains.slice(0, 3), version.graph, { seed: 5, itemsPerChain: 20, mode: "single" });
    expect(many.skipped.some((s) => s.reason.startsWith("chain exhausted"))).toBe(true);
  });

  it("lets a wording provider rewrite texts but never the answer or the length parity", () => {
    const draft = (d: TItemDraft): TItemDraft => ({ ...d, question: `Q: ${d.question}` });
    const worded = generateItems(version.chains, version.graph, { seed: 5 }, { wording: draft });
    expect(worded.items.length).toBeGreaterThan(0);
    expect(worded.items.every((i) => i.question.startsWith("Q: "))).toBe(true);
    const flip = generateItems(version.chains, version.graph, { seed: 5 }, { wording: (d) => ({ ...d, options: d.options.map((o) => ({ ...o, correct: !o.correct })) }) });
    expect(flip.items).toEqual([]);
    expect(flip.skipped.some((s) => s.reason === "wording changed the options or the answer")).toBe(true);
    const stretch = generateItems(version.chains, version.graph, { seed: 5 }, {
      wording: (d) => ({ ...d, options: d.options.map((o, i) => ({ ...o, text: i === 0 ? `${o.text} ${o.text}` : o.text })) }),
    });
    expect(stretch.items).toEqual([]);
    expect(stretch.skipped.some((s) => s.reason === "wording broke option-length parity")).toBe(true);
  });
});

describe("generateItems: option counts and modes", () => {
  const version = buildSyntheticVersion(3, ["chemistry"], 20);

  it.each([3, 4, 5, 6])("builds items with %i options", (optionCount) => {
    const { items } = generateItems(version.chains, version.graph, { seed: 2, optionCount });
    expect(items.length).toBeGreaterThan(20);
    expect(items.every((i) => i.options.length === optionCount)).toBe(true);
    expectDistractorsFalse(items, version);
  });

  it("has 1–4 correct options in multi mode, also with 6 options", () => {
    for (const optionCount of [4, 6]) {
      const { items } = generateItems(version.chains, version.graph, { seed: 2, optionCount, mode: "multi" });
      const counts = new Set(items.map((i) => i.options.filter((o) => o.correct).length));
      expect(items.every((i) => i.mode === "multi" && i.kind === "statement")).toBe(true);
      expect(Math.min(...counts)).toBe(1);
      expect(Math.max(...counts)).toBeLessThanOrEqual(4);
      expect(counts.size).toBeGreaterThan(2);
    }
  });

  it("writes only single-answer items in single mode, with all six operators in use", () => {
    const { items } = generateItems(version.chains, version.graph, { seed: 2, mode: "single" });
    expect(items.every((i) => i.mode === "single" && i.answer.length === 1)).toBe(true);
    const operators = new Set(items.flatMap((i) => i.difficulty.operators));
    expect([...operators].sort()).toEqual([...PERTURB_OPERATORS].sort());
  });

  it("leaves no exact or near duplicates", () => {
    const { items } = generateItems(version.chains, version.graph, { seed: 2 });
    expect(new Set(items.map(fingerprintItem)).size).toBe(items.length);
    expect(dedupItems(items, 0.85).removed).toEqual([]);
  });
});
