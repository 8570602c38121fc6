// Reading a dataset version for its overview and tables: per-type targets / produced / shortfall,
// coverage per discipline, a sample's question and answer, its provenance. Pure; covered by
// test/datasets-ui-lib.test.ts.
import type { TBuildStatsDto, TCoverageDto, TRecipeDto, TSampleDto } from "@/lib/api-types";
import { allocateTypeCounts, SAMPLE_TYPES, type TSampleType } from "./type-counts";

export interface TTypeRow {
  type: TSampleType;
  target: number;
  produced: number;
  shortfall: number;
}

/** One row per sample type: the build's figures, or the recipe's targets before the build ends. */
export function typeRows(recipe: Pick<TRecipeDto, "budget" | "ratios">, stats: TBuildStatsDto | null): TTypeRow[] {
  const planned = allocateTypeCounts(recipe.budget, recipe.ratios);
  return SAMPLE_TYPES.map((type) => {
    const target = stats?.targets?.[type] ?? planned[type];
    const produced = stats?.produced?.[type] ?? 0;
    return { type, target, produced, shortfall: stats?.shortfall?.[type] ?? Math.max(0, target - produced) };
  });
}

export interface TCoverageRow {
  discipline: string;
  concepts: { taught: number; total: number; share: number };
  relations: { taught: number; total: number; share: number };
}

export function coverageRows(coverage: TCoverageDto | null): TCoverageRow[] {
  return Object.entries(coverage?.byDiscipline ?? {})
    .map(([discipline, c]) => ({ discipline, concepts: c.concepts, relations: c.relations }))
    .sort((a, b) => (a.discipline < b.discipline ? -1 : a.discipline > b.discipline ? 1 : 0));
}

/** Coverage as one figure: the share of relations taught (concepts when there are no relations). */
export function coverageShare(coverage: TCoverageDto | null): number | null {
  if (!coverage) return null;
  return coverage.relations.total > 0 ? coverage.relations.share : coverage.concepts.share;
}

/** The last user message and the assistant's answer after it: what a table row shows. */
export function sampleExchange(sample: Pick<TSampleDto, "messages">): { question: string; answer: string } {
  const messages = sample.messages ?? [];
  let q = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.role === "user") {
      q = i;
      break;
    }
  }
  const answer = messages.slice(q + 1).find((m) => m.role === "assistant")?.content ?? "";
  return { question: q >= 0 ? messages[q]!.content : (messages[0]?.content ?? ""), answer };
}

const ID_LISTS = ["conceptIds", "relationIds", "chunkIds", "mentionedConceptIds"] as const;

/** A sample's provenance ids from its meta, tolerating missing or odd fields. */
export function sampleProvenance(meta: Record<string, unknown>): { documentId: string | null; lists: { key: (typeof ID_LISTS)[number]; ids: string[] }[] } {
  const ids = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
  return {
    documentId: typeof meta.documentId === "string" ? meta.documentId : null,
    lists: ID_LISTS.map((key) => ({ key, ids: ids(meta[key]) })).filter((l) => l.ids.length > 0),
  };
}

export interface TPerturbationMeta {
  operator: string;
  sourceRelationId: string;
  changed: string;
}

export function samplePerturbations(meta: Record<string, unknown>): TPerturbationMeta[] {
  if (!Array.isArray(meta.perturbations)) return [];
  return meta.perturbations
    .filter((p): p is Record<string, unknown> => !!p && typeof p === "object")
    .map((p) => ({ operator: String(p.operator ?? ""), sourceRelationId: String(p.sourceRelationId ?? ""), changed: String(p.changed ?? "") }));
}
