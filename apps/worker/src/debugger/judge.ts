// The judge that labels each structurally diagnosed failure. "builtin" is the structural evidence
// alone (its label, its confidence, a rationale written from the evidence); a provider id asks that
// OpenAI-compatible model through callJson (shared LLM cache and rate limit). Either way a verdict
// below `abstainBelow` abstains: it keeps no label, and reviewers see it as undecided.
import type { PrismaClient } from "@proda/db";
import type { TDiagnosis, TDiagnosisClass } from "@proda/engine";
import { callJson, createKnowledgeProvider, loadProviderSettings, type TOpenAiContext, type TOpenAiKnowledgeProvider } from "@proda/providers";
import type { Redis } from "ioredis";
import { buildJudgeUserPrompt, JUDGE_MAX_TOKENS, JUDGE_SCHEMA_NAME, JUDGE_SYSTEM_PROMPT, ZJudgeVerdict } from "./judge-prompt.ts";
import type { TFailure } from "./load-failures.ts";

export interface TJudgement {
  judgeLabel: TDiagnosisClass | null;
  judgeConfidence: number | null;
  judgeRationale: string;
  abstained: boolean;
}

export interface TJudge {
  judge(cases: readonly { failure: TFailure; diagnosis: TDiagnosis }[]): Promise<TJudgement[]>;
  usage(): { calls: number; cachedCalls: number; promptTokens: number; completionTokens: number; costUsd: number } | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function explainEvidence(d: TDiagnosis): string {
  const e = d.evidence;
  const parts: string[] = [];
  if (d.label === "concept_gap") {
    if (e.untaughtRelations.length) parts.push(`${plural(e.untaughtRelations.length, "tested relation")} never taught`);
    if (e.untaughtConcepts.length) parts.push(`${plural(e.untaughtConcepts.length, "tested concept")} never taught`);
  } else {
    parts.push("every tested relation and concept was taught");
  }
  const weak = e.weakRelations.length + e.weakConcepts.length;
  if (weak) parts.push(`${plural(weak, "node")} taught too rarely`);
  if (e.fooledBy.length) parts.push(`fooled by ${e.fooledBy.join(", ")}`);
  return `Structural: ${parts.join("; ")}.`;
}

function verdict(label: TDiagnosisClass, confidence: number, rationale: string, abstainBelow: number): TJudgement {
  const abstained = confidence < abstainBelow;
  return { judgeLabel: abstained ? null : label, judgeConfidence: confidence, judgeRationale: rationale, abstained };
}

const builtinJudge = (abstainBelow: number): TJudge => ({
  async judge(cases) {
    return cases.map(({ diagnosis }) => verdict(diagnosis.label, diagnosis.confidence, explainEvidence(diagnosis), abstainBelow));
  },
  usage: () => null,
});

/** Relation statements and concept terms for the prompt, one query each per batch. */
async function loadNames(prisma: PrismaClient, cases: readonly { diagnosis: TDiagnosis }[]): Promise<Map<string, string>> {
  const relationIds = [...new Set(cases.flatMap((c) => [...c.diagnosis.evidence.untaughtRelations, ...c.diagnosis.evidence.weakRelations]))];
  const relations = await prisma.relation.findMany({ where: { id: { in: relationIds } }, select: { id: true, subjectId: true, objectId: true, predicate: true, negated: true } });
  const conceptIds = [...new Set([...cases.flatMap((c) => [...c.diagnosis.evidence.untaughtConcepts, ...c.diagnosis.evidence.weakConcepts]), ...relations.flatMap((r) => [r.subjectId, r.objectId])])];
  const concepts = await prisma.concept.findMany({ where: { id: { in: conceptIds } }, select: { id: true, term: true } });
  const names = new Map(concepts.map((c) => [c.id, c.term]));
  for (const r of relations) names.set(r.id, `${names.get(r.subjectId) ?? "?"} ${r.negated ? "does not " : ""}${r.predicate} ${names.get(r.objectId) ?? "?"}`);
  return names;
}

function llmJudge(prisma: PrismaClient, context: TOpenAiContext, abstainBelow: number): TJudge {
  return {
    async judge(cases) {
      const names = await loadNames(prisma, cases);
      return Promise.all(
        cases.map(async ({ failure, diagnosis }) => {
          const result = await callJson(
            {
              system: JUDGE_SYSTEM_PROMPT,
              user: buildJudgeUserPrompt({ ...failure, diagnosis, names }),
              schema: ZJudgeVerdict,
              schemaName: JUDGE_SCHEMA_NAME,
              maxTokens: JUDGE_MAX_TOKENS,
            },
            context,
          );
          // No valid answer after the repair turn: the judge abstains, the structural label stands.
          if (!result.value) {
            return { judgeLabel: null, judgeConfidence: null, judgeRationale: `The judge gave no valid answer (${(result.rejectReason ?? "invalid").split(":")[0]}).`, abstained: true };
          }
          return verdict(result.value.label, result.value.confidence, result.value.rationale.trim(), abstainBelow);
        }),
      );
    },
    usage: () => {
      const s = context.stats;
      return { calls: s.calls, cachedCalls: s.cachedCalls, promptTokens: s.promptTokens, completionTokens: s.completionTokens, costUsd: s.costUsd };
    },
  };
}

export async function createJudge(deps: { prisma: PrismaClient; redis: Redis }, projectId: string, judge: string, abstainBelow: number): Promise<TJudge> {
  if (judge === "builtin") return builtinJudge(abstainBelow);
  const settings = await loadProviderSettings(deps.prisma, projectId, judge);
  if (settings.kind === "builtin") return builtinJudge(abstainBelow);
  const provider = createKnowledgeProvider(settings, deps) as TOpenAiKnowledgeProvider;
  return llmJudge(deps.prisma, provider.context, abstainBelow);
}
