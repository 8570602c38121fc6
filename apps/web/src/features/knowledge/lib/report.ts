// The quality report of a ready version (written by apps/worker/src/knowledge/quality-report.ts,
// shaped as TKnowledgeReport). readReport accepts anything and returns null for what does not look
// like a report, so an older or partial report never breaks the page.
import type { TDistribution, TGraphStats, TKnowledgeReport, TKnowledgeVersionDto } from "@/lib/api-types";

export type { TDistribution };
export type TReportStats = TGraphStats;
export type TReport = TKnowledgeReport;

const EMPTY_DISTRIBUTION: TDistribution = { mean: 0, median: 0, min: 0, max: 0 };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);
const dist = (value: unknown): TDistribution => (isObject(value) ? { mean: num(value.mean), median: num(value.median), min: num(value.min), max: num(value.max) } : EMPTY_DISTRIBUTION);

function readStats(value: unknown): TReportStats {
  const v = isObject(value) ? value : {};
  const concepts = num(v.concepts);
  const orphanConcepts = Array.isArray(v.orphanConcepts) ? v.orphanConcepts.length : num(v.orphanConcepts);
  return {
    concepts,
    relations: num(v.relations),
    chains: num(v.chains),
    danglingRelations: num(v.danglingRelations),
    components: num(v.components),
    largestComponent: num(v.largestComponent),
    lccRatio: num(v.lccRatio ?? v.largestComponentRatio),
    orphanConcepts,
    orphanShare: typeof v.orphanShare === "number" ? v.orphanShare : concepts ? orphanConcepts / concepts : 0,
    outsideLargestComponent: num(v.outsideLargestComponent),
    degree: dist(v.degree),
    degreeHistogram: Array.isArray(v.degreeHistogram)
      ? v.degreeHistogram.filter(isObject).map((b) => ({ label: String(b.label ?? b.bucket ?? ""), min: num(b.min), max: num(b.max), count: num(b.count) }))
      : [],
    density: num(v.density),
    stepsPerChain: dist(v.stepsPerChain),
    relationsPerChain: isObject(v.relationsPerChain) ? num(v.relationsPerChain.mean) : num(v.relationsPerChain),
  };
}

/** The version's report in the current shape, tolerating missing fields; null if there is none. */
export function readReport(version: Pick<TKnowledgeVersionDto, "report"> | null | undefined): TReport | null {
  const raw: unknown = version?.report;
  if (!isObject(raw) || !isObject(raw.total)) return null;
  const tokens = isObject(raw.tokens) ? raw.tokens : {};
  return {
    total: readStats(raw.total),
    disciplines: Array.isArray(raw.disciplines)
      ? raw.disciplines.filter(isObject).map((d) => ({ discipline: String(d.discipline ?? ""), ...readStats(d) }))
      : [],
    verifiedQuoteShare: num(raw.verifiedQuoteShare ?? (raw.total as Record<string, unknown>).verifiedQuoteShare),
    rejected: Array.isArray(raw.rejected) ? raw.rejected.filter(isObject).map((r) => ({ reason: String(r.reason ?? "unknown"), count: num(r.count) })) : [],
    rejectedItems: num(raw.rejectedItems),
    tokens: { prompt: num(tokens.prompt), completion: num(tokens.completion), perChunk: num(tokens.perChunk) },
    costUsd: num(raw.costUsd),
  };
}
