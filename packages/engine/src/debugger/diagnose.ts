// Structural diagnosis of one failed benchmark item: which of the nodes it tests the training data
// never taught or taught too little (a concept gap), or — when all of them were taught — a reasoning
// deficit; and which distractor operators fooled the model. This evidence comes first; an LLM judge
// (when configured) only adds a second opinion on top of it.

export const DIAGNOSIS_CLASSES = ["concept_gap", "reasoning_deficit"] as const;
export type TDiagnosisClass = (typeof DIAGNOSIS_CLASSES)[number];

/** How often the training data teaches each node (sample meta relationIds / conceptIds). */
export interface TTeachingCounts {
  relations: ReadonlyMap<string, number>;
  concepts: ReadonlyMap<string, number>;
}

export interface TFailedItem {
  itemId: string;
  chainId: string;
  relationIds: readonly string[];
  conceptIds: readonly string[];
  /** Operators of the wrong options the model chose (empty when it gave no parsable answer). */
  chosenOperators: readonly string[];
}

export interface TStructuralEvidence {
  /** Tested relations no training sample teaches. */
  untaughtRelations: string[];
  /** Tested relations taught fewer than `minSamples` times. */
  weakRelations: string[];
  untaughtConcepts: string[];
  weakConcepts: string[];
  /** Share of the tested relations the data teaches at all. */
  relationCoverage: number;
  fooledBy: string[];
}

export interface TDiagnosis {
  itemId: string;
  label: TDiagnosisClass;
  /** 0–1: how clear the structural evidence is. */
  confidence: number;
  evidence: TStructuralEvidence;
  /** The nodes a patch should target (gap nodes, or the chain for a reasoning deficit). */
  targets: { relationIds: string[]; conceptIds: string[]; chainId: string | null };
}

export function countTeaching(samples: Iterable<{ relationIds: readonly string[]; conceptIds: readonly string[] }>): TTeachingCounts {
  const relations = new Map<string, number>();
  const concepts = new Map<string, number>();
  for (const s of samples) {
    for (const id of new Set(s.relationIds)) relations.set(id, (relations.get(id) ?? 0) + 1);
    for (const id of new Set(s.conceptIds)) concepts.set(id, (concepts.get(id) ?? 0) + 1);
  }
  return { relations, concepts };
}

export function diagnoseFailure(item: TFailedItem, counts: TTeachingCounts, minSamples = 2): TDiagnosis {
  const relationIds = [...new Set(item.relationIds)];
  const conceptIds = [...new Set(item.conceptIds)];
  const untaughtRelations = relationIds.filter((id) => !counts.relations.get(id));
  const weakRelations = relationIds.filter((id) => (counts.relations.get(id) ?? 0) > 0 && counts.relations.get(id)! < minSamples);
  const untaughtConcepts = conceptIds.filter((id) => !counts.concepts.get(id));
  const weakConcepts = conceptIds.filter((id) => (counts.concepts.get(id) ?? 0) > 0 && counts.concepts.get(id)! < minSamples);
  const relationCoverage = relationIds.length === 0 ? 1 : 1 - untaughtRelations.length / relationIds.length;
  const evidence: TStructuralEvidence = {
    untaughtRelations, weakRelations, untaughtConcepts, weakConcepts, relationCoverage, fooledBy: [...new Set(item.chosenOperators)].sort(),
  };
  const gap = untaughtRelations.length > 0 || untaughtConcepts.length > 0;
  if (gap) {
    // Clear when most of what is tested was never taught; less so when a single node is missing.
    const missingShare = Math.max(1 - relationCoverage, conceptIds.length === 0 ? 0 : untaughtConcepts.length / conceptIds.length);
    return {
      itemId: item.itemId, label: "concept_gap", confidence: round(0.6 + 0.4 * missingShare), evidence,
      targets: { relationIds: [...untaughtRelations, ...weakRelations], conceptIds: [...untaughtConcepts, ...weakConcepts], chainId: null },
    };
  }
  // Everything taught: weak teaching makes "deficit" less certain (more data might have been enough).
  const weakShare = relationIds.length === 0 ? 0 : weakRelations.length / relationIds.length;
  return {
    itemId: item.itemId, label: "reasoning_deficit", confidence: round(0.9 - 0.4 * weakShare), evidence,
    targets: { relationIds: weakRelations, conceptIds: weakConcepts, chainId: item.chainId },
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
