// Checks shared by the Tester tests: every distractor is false against the graph, and every item's
// links agree with its chain.
import { expect } from "vitest";
import { normalizeItemText, PERTURB_OPERATORS, renderStatement, type TBenchmarkItem } from "../../src/index.ts";
import type { TTestVersion } from "./fixtures.ts";

export function expectDistractorsFalse(items: readonly TBenchmarkItem[], version: TTestVersion): void {
  const chains = new Map(version.chains.map((c) => [c.id, c]));
  for (const item of items) {
    const chain = chains.get(item.chainId)!;
    const chainRelations = new Set([...chain.steps.map((s) => s.relationId), ...(chain.negativeConstraints ?? []).flatMap((n) => (n.relationId ? [n.relationId] : []))]);
    const correctTexts = item.options.filter((o) => o.correct).map((o) => o.text);
    for (const option of item.options) {
      if (option.correct) {
        expect(option.distractor).toBeNull();
        continue;
      }
      const d = option.distractor!;
      expect(PERTURB_OPERATORS).toContain(d.operator);
      expect(d.checkedFalse).toBe(true);
      expect(d.changed.length).toBeGreaterThan(0);
      expect(chainRelations.has(d.sourceRelationId), `${item.key} source ${d.sourceRelationId}`).toBe(true);
      if (d.statement) {
        expect(version.graph.states(d.statement), `${item.key}: ${option.text}`).toBe(false);
      } else if (d.operator === "break_step_order") {
        expect(item.kind).toBe("order");
        expect(correctTexts).not.toContain(option.text);
      } else {
        expect(d.operator).toBe("drop_precondition");
        expect(item.kind).toBe("condition");
        const conditions = (chain.preconditions ?? []).map((p) => normalizeItemText(p.text));
        expect(conditions.length).toBeGreaterThan(0);
        expect(conditions.some((c) => normalizeItemText(option.text).includes(c))).toBe(false);
      }
    }
  }
}

/** The correct statement options word a relation of the chain (possibly padded). */
export function expectCorrectOptionsTrue(items: readonly TBenchmarkItem[], version: TTestVersion): void {
  for (const item of items.filter((i) => i.kind !== "order")) {
    const clauses = item.relationIds.map((id) => {
      const r = version.graph.relation(id)!;
      return normalizeItemText(renderStatement(r, version.graph));
    });
    for (const option of item.options.filter((o) => o.correct)) {
      const text = normalizeItemText(option.text);
      expect(
        clauses.some((c) => text.includes(c)),
        `${item.key}: ${option.text}`,
      ).toBe(true);
    }
  }
}

export function expectLinksConsistent(items: readonly TBenchmarkItem[], version: TTestVersion): void {
  const chains = new Map(version.chains.map((c) => [c.id, c]));
  for (const item of items) {
    const chain = chains.get(item.chainId);
    expect(chain, item.chainId).toBeDefined();
    const chainRelations = new Set([...chain!.steps.map((s) => s.relationId), ...(chain!.negativeConstraints ?? []).flatMap((n) => (n.relationId ? [n.relationId] : []))]);
    expect(item.discipline).toBe(chain!.discipline);
    expect(item.difficulty.chainLength).toBe(chain!.steps.length);
    expect(item.chunkIds).toContain(chain!.chunkId);
    expect(item.relationIds.length).toBeGreaterThan(0);
    const endpoints = new Set<string>();
    for (const id of item.relationIds) {
      expect(chainRelations.has(id), `${item.key} links ${id}`).toBe(true);
      const r = version.graph.relation(id)!;
      endpoints.add(r.subjectId).add(r.objectId);
      if (r.chunkId) expect(item.chunkIds).toContain(r.chunkId);
    }
    for (const id of endpoints) expect(item.conceptIds).toContain(id);
    const stated = new Set(item.options.flatMap((o) => (o.distractor?.statement ? [o.distractor.statement.subjectId, o.distractor.statement.objectId] : [])));
    for (const id of item.conceptIds) expect(endpoints.has(id) || stated.has(id), `${item.key} concept ${id}`).toBe(true);
    const operators = item.options.flatMap((o) => (o.distractor ? [o.distractor.operator] : [])).sort();
    expect(item.difficulty.operators).toEqual(operators);
  }
}
