// The edges of the artifact graph, one hop at a time: what an artifact was made from (parents) and
// what was made from it (children). knowledge version → benchmarks and dataset versions; V1 → V2 and
// its control (patch edges, also from the diagnosis run that planned them); dataset version →
// training runs → models → evaluations (with their benchmark) → diagnosis runs; a loop → every
// artifact it made. Each hop reads at most FANOUT rows per relation.
import type { PrismaClient } from "@proda/db";
import type { TLineageDto } from "@/lib/api-types";

export type TArtifactType = TLineageDto["nodes"][number]["type"];
export interface TRef {
  type: TArtifactType;
  id: string;
}
export interface TLink {
  parent: TRef;
  child: TRef;
  label: string;
}

const FANOUT = 50;
const ref = (type: TArtifactType, id: string): TRef => ({ type, id });
const recipeKind = (recipe: unknown) => ((recipe as { kind?: string } | null)?.kind === "control" ? "control" : "patch");

/** Ids inside a loop's artifacts JSON ({ knowledgeVersionId, benchmarkId, v1Id, … }), whatever its keys. */
export function loopArtifactIds(artifacts: unknown): string[] {
  if (!artifacts || typeof artifacts !== "object") return [];
  return Object.values(artifacts as Record<string, unknown>).flatMap((v) => (typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []));
}

/** The type of each id (one query per table), for a loop's artifacts. */
async function resolveTypes(prisma: PrismaClient, projectId: string, ids: string[]): Promise<TRef[]> {
  const where = { id: { in: ids }, projectId };
  const select = { id: true } as const;
  const [kv, b, dv, tr, m, e, d] = await Promise.all([
    prisma.knowledgeVersion.findMany({ where, select }),
    prisma.benchmark.findMany({ where, select }),
    prisma.datasetVersion.findMany({ where, select }),
    prisma.trainingRun.findMany({ where, select }),
    prisma.registeredModel.findMany({ where, select }),
    prisma.evaluation.findMany({ where, select }),
    prisma.diagnosisRun.findMany({ where, select }),
  ]);
  const typed: [TArtifactType, { id: string }[]][] = [["knowledge_version", kv], ["benchmark", b], ["dataset_version", dv], ["training_run", tr], ["model", m], ["evaluation", e], ["diagnosis_run", d]];
  return typed.flatMap(([type, rows]) => rows.map((r) => ref(type, r.id)));
}

export async function parentsOf(prisma: PrismaClient, projectId: string, node: TRef, loops: { id: string; artifacts: unknown }[]): Promise<TLink[]> {
  const links: TLink[] = loops.filter((l) => loopArtifactIds(l.artifacts).includes(node.id)).map((l) => ({ parent: ref("loop", l.id), child: node, label: "made by loop" }));
  const up = (type: TArtifactType, id: string | null | undefined, label: string) => {
    if (id) links.push({ parent: ref(type, id), child: node, label });
  };
  const where = { id: node.id, projectId };
  switch (node.type) {
    case "benchmark": {
      const b = await prisma.benchmark.findFirst({ where, select: { knowledgeVersionId: true } });
      up("knowledge_version", b?.knowledgeVersionId, "tester");
      break;
    }
    case "dataset_version": {
      const v = await prisma.datasetVersion.findFirst({ where, select: { knowledgeVersionId: true, parentId: true, recipe: true } });
      if (!v) break;
      const runId = (v.recipe as { diagnosisRunId?: string }).diagnosisRunId;
      if (v.parentId) up("dataset_version", v.parentId, recipeKind(v.recipe));
      else up("knowledge_version", v.knowledgeVersionId, "builder");
      up("diagnosis_run", runId, `planned ${recipeKind(v.recipe)}`);
      break;
    }
    case "training_run": {
      const r = await prisma.trainingRun.findFirst({ where, select: { datasetVersionId: true } });
      up("dataset_version", r?.datasetVersionId, "trained on");
      break;
    }
    case "model": {
      const m = await prisma.registeredModel.findFirst({ where, select: { trainingRunId: true, datasetVersionId: true } });
      if (m?.trainingRunId) up("training_run", m.trainingRunId, "trained");
      else up("dataset_version", m?.datasetVersionId, "trained on");
      break;
    }
    case "evaluation": {
      const e = await prisma.evaluation.findFirst({ where, select: { modelId: true, benchmarkId: true } });
      up("model", e?.modelId, "evaluated");
      up("benchmark", e?.benchmarkId, "benchmark");
      break;
    }
    case "diagnosis_run": {
      const d = await prisma.diagnosisRun.findFirst({ where, select: { evaluationId: true } });
      up("evaluation", d?.evaluationId, "diagnosed");
      break;
    }
    default:
      break;
  }
  return links;
}

export async function childrenOf(prisma: PrismaClient, projectId: string, node: TRef, loops: { id: string; artifacts: unknown }[]): Promise<TLink[]> {
  const down = (type: TArtifactType, rows: { id: string }[], label: string | ((row: { id: string; recipe?: unknown }) => string)) =>
    rows.map((r) => ({ parent: node, child: ref(type, r.id), label: typeof label === "string" ? label : label(r) }));
  const take = FANOUT;
  const id = node.id;
  switch (node.type) {
    case "knowledge_version": {
      const [benchmarks, datasets] = await Promise.all([
        prisma.benchmark.findMany({ where: { projectId, knowledgeVersionId: id }, select: { id: true }, take }),
        prisma.datasetVersion.findMany({ where: { projectId, knowledgeVersionId: id, parentId: null }, select: { id: true }, take }),
      ]);
      return [...down("benchmark", benchmarks, "tester"), ...down("dataset_version", datasets, "builder")];
    }
    case "benchmark":
      return down("evaluation", await prisma.evaluation.findMany({ where: { projectId, benchmarkId: id }, select: { id: true }, take }), "benchmark");
    case "dataset_version": {
      const [versions, runs, models] = await Promise.all([
        prisma.datasetVersion.findMany({ where: { projectId, parentId: id }, select: { id: true, recipe: true }, take }),
        prisma.trainingRun.findMany({ where: { projectId, datasetVersionId: id }, select: { id: true }, take }),
        prisma.registeredModel.findMany({ where: { projectId, datasetVersionId: id, trainingRunId: null }, select: { id: true }, take }),
      ]);
      return [...down("dataset_version", versions, (v) => recipeKind(v.recipe)), ...down("training_run", runs, "trained on"), ...down("model", models, "trained on")];
    }
    case "training_run":
      return down("model", await prisma.registeredModel.findMany({ where: { projectId, trainingRunId: id }, select: { id: true }, take }), "trained");
    case "model":
      return down("evaluation", await prisma.evaluation.findMany({ where: { projectId, modelId: id }, select: { id: true }, take }), "evaluated");
    case "evaluation":
      return down("diagnosis_run", await prisma.diagnosisRun.findMany({ where: { projectId, evaluationId: id }, select: { id: true }, take }), "diagnosed");
    case "diagnosis_run": {
      const versions = await prisma.datasetVersion.findMany({ where: { projectId, recipe: { path: ["diagnosisRunId"], equals: id } }, select: { id: true, recipe: true }, take });
      return down("dataset_version", versions, (v) => `planned ${recipeKind(v.recipe)}`);
    }
    case "loop": {
      const loop = loops.find((l) => l.id === id);
      const ids = loopArtifactIds(loop?.artifacts).slice(0, take);
      return (await resolveTypes(prisma, projectId, ids)).map((child) => ({ parent: node, child, label: "made by loop" }));
    }
  }
}
