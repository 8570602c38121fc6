// How much of the knowledge version a dataset teaches: the share of teachable concepts and
// relations that some sample states as true, overall and per discipline. Distractors do not count:
// naming a concept in a wrong option teaches nothing about it.
import { BuilderIndex } from "./graph-index.ts";
import { SAMPLE_TYPES, type TSampleType } from "./recipe.ts";
import type { TBuilderInput, TSample } from "./types.ts";

export interface TCoverageShare {
  taught: number;
  total: number;
  /** taught / total, 0 when there is nothing to teach. */
  share: number;
}

export interface TCoverage {
  samples: number;
  concepts: TCoverageShare;
  relations: TCoverageShare;
  byDiscipline: Record<string, { concepts: TCoverageShare; relations: TCoverageShare }>;
  byType: Record<TSampleType, number>;
}

const toShare = (taught: number, total: number): TCoverageShare => ({ taught, total, share: total === 0 ? 0 : taught / total });

export function measureCoverage(samples: readonly Pick<TSample, "type" | "meta">[], index: BuilderIndex): TCoverage {
  const taughtConcepts = new Set<string>();
  const taughtRelations = new Set<string>();
  const byType = Object.fromEntries(SAMPLE_TYPES.map((t) => [t, 0])) as Record<TSampleType, number>;
  for (const sample of samples) {
    byType[sample.type]++;
    for (const id of sample.meta.conceptIds) taughtConcepts.add(id);
    for (const id of sample.meta.relationIds) taughtRelations.add(id);
  }
  const disciplines = new Map<string, { concepts: [number, number]; relations: [number, number] }>();
  const bucket = (discipline: string) => {
    let entry = disciplines.get(discipline);
    if (!entry) disciplines.set(discipline, (entry = { concepts: [0, 0], relations: [0, 0] }));
    return entry;
  };
  let conceptsTaught = 0;
  for (const id of index.eligibleConceptIds) {
    const entry = bucket(index.concepts.get(id)!.discipline);
    entry.concepts[1]++;
    if (taughtConcepts.has(id)) {
      entry.concepts[0]++;
      conceptsTaught++;
    }
  }
  let relationsTaught = 0;
  for (const relation of index.relations) {
    const entry = bucket(relation.discipline);
    entry.relations[1]++;
    if (taughtRelations.has(relation.id)) {
      entry.relations[0]++;
      relationsTaught++;
    }
  }
  const byDiscipline = Object.fromEntries(
    [...disciplines.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([discipline, e]) => [discipline, { concepts: toShare(...e.concepts), relations: toShare(...e.relations) }]),
  );
  return {
    samples: samples.length,
    concepts: toShare(conceptsTaught, index.eligibleConceptIds.length),
    relations: toShare(relationsTaught, index.relations.length),
    byDiscipline,
    byType,
  };
}

/** Coverage of any set of samples (a stored version, a patched one) against a knowledge version. */
export function computeCoverage(
  samples: readonly Pick<TSample, "type" | "meta">[],
  input: TBuilderInput,
  excluded: { excludeRelationIds?: readonly string[]; excludeConceptIds?: readonly string[] } = {},
): TCoverage {
  return measureCoverage(samples, new BuilderIndex(input, { relationIds: excluded.excludeRelationIds ?? [], conceptIds: excluded.excludeConceptIds ?? [] }));
}
