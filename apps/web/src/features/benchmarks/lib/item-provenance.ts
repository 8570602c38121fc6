// An item's provenance for the detail panel: each option with the true relation its distractor
// perturbs (looked up by id among the relations the API sends with the item), and a false
// statement written with the concepts' terms. Pure; covered by test/benchmarks-ui-lib.test.ts.
import type { TBenchmarkItemDetailDto, TItemOptionDto, TRelationDto } from "@/lib/api-types";

export interface TOptionProvenance {
  option: TItemOptionDto;
  /** The true relation the distractor was made from; null for a correct option or a relation not sent. */
  source: TRelationDto | null;
  /** The false statement as terms (relation operators only). */
  statement: { subject: string; type: string; object: string; negated: boolean } | null;
}

export function optionProvenance(detail: Pick<TBenchmarkItemDetailDto, "item" | "relations" | "concepts">): TOptionProvenance[] {
  const relations = new Map(detail.relations.map((r) => [r.id, r]));
  const terms = new Map<string, string>(detail.concepts.map((c) => [c.id, c.term]));
  // Terms named by the relations count too: the concepts list may leave out a distractor's sibling.
  for (const r of detail.relations) {
    if (!terms.has(r.subject.id)) terms.set(r.subject.id, r.subject.term);
    if (!terms.has(r.object.id)) terms.set(r.object.id, r.object.term);
  }
  return detail.item.options.map((option) => {
    const distractor = option.distractor;
    const source = distractor ? (relations.get(distractor.sourceRelationId) ?? null) : null;
    const s = distractor?.statement;
    const statement = s
      ? { subject: terms.get(s.subjectId) ?? s.subjectId, type: s.type, object: terms.get(s.objectId) ?? s.objectId, negated: s.negated }
      : null;
    return { option, source, statement };
  });
}

/** The relations the item tests that no distractor points at (the chain's true steps). */
export function testedRelations(detail: Pick<TBenchmarkItemDetailDto, "item" | "relations">): TRelationDto[] {
  const used = new Set(detail.item.options.flatMap((o) => (o.distractor ? [o.distractor.sourceRelationId] : [])));
  const tested = new Set(detail.item.relationIds);
  return detail.relations.filter((r) => tested.has(r.id) && !used.has(r.id));
}
