// The loop's data steps, each through the same starter its API route uses: extraction, the
// benchmark (frozen once generated), dataset V1, the patch (V2 and its random control together) and
// the contamination check that freezes a dataset version only if it passes.
import {
  freezeBenchmark, startBenchmark, startContaminationCheck, startDataset, startExtraction, startPatch,
  ZBenchmarkRequest, ZDatasetRequest, ZPatchRequest,
} from "@proda/pipeline";
import { auditAs, need, ours, type TStep, type TStepContext } from "./step-context.ts";

export const extractStep: TStep = {
  keys: ["knowledgeVersionId"],
  kind: "knowledge",
  async adopt(c) {
    const v = await c.prisma.knowledgeVersion.findFirst({ where: ours(c), orderBy: { createdAt: "desc" } });
    return v ? { knowledgeVersionId: v.id } : null;
  },
  async start(c) {
    const version = await startExtraction(c.prisma, c.loop.projectId, c.creator.id, { providerId: c.settings.providerId });
    await auditAs(c, "knowledge.extract", "knowledge_version", version.id, { number: version.number });
    return { knowledgeVersionId: version.id };
  },
};

export const benchmarkStep: TStep = {
  keys: ["benchmarkId"],
  kind: "benchmark",
  async adopt(c) {
    const b = await c.prisma.benchmark.findFirst({ where: { ...ours(c), knowledgeVersionId: need(c, "knowledgeVersionId") } });
    return b ? { benchmarkId: b.id } : null;
  },
  async start(c) {
    const request = ZBenchmarkRequest.parse({
      knowledgeVersionId: need(c, "knowledgeVersionId"), name: `Loop ${c.loop.number} benchmark`, providerId: c.settings.providerId, settings: c.settings.benchmark,
    });
    const benchmark = await startBenchmark(c.prisma, c.loop.projectId, c.creator.id, request);
    await auditAs(c, "benchmark.create", "benchmark", benchmark.id, { number: benchmark.number, knowledgeVersionId: benchmark.knowledgeVersionId });
    return { benchmarkId: benchmark.id };
  },
  // Evaluations need a frozen benchmark; freezeBenchmark audits itself.
  async onReady(c, id) {
    const benchmark = await c.prisma.benchmark.findUniqueOrThrow({ where: { id } });
    if (!benchmark.frozenAt) await freezeBenchmark(c.prisma, benchmark, c.creator.id);
  },
};

async function v1Budget(c: TStepContext, knowledgeVersionId: string): Promise<number | undefined> {
  const { budget, share } = c.settings.v1;
  if (share === undefined) return budget;
  const relations = await c.prisma.relation.count({ where: { versionId: knowledgeVersionId } });
  return Math.max(1, Math.round(relations * share));
}

export const v1Step: TStep = {
  keys: ["v1Id"],
  kind: "dataset",
  async adopt(c) {
    const v = await c.prisma.datasetVersion.findFirst({ where: { ...ours(c), knowledgeVersionId: need(c, "knowledgeVersionId"), parentId: null } });
    return v ? { v1Id: v.id } : null;
  },
  async start(c) {
    const knowledgeVersionId = need(c, "knowledgeVersionId");
    const request = ZDatasetRequest.parse({
      knowledgeVersionId, name: `Loop ${c.loop.number} V1`, budget: await v1Budget(c, knowledgeVersionId), seed: c.settings.v1.seed,
      excludeRelationIds: c.settings.v1.excludeRelationIds,
    });
    const version = await startDataset(c.prisma, c.loop.projectId, c.creator.id, request);
    await auditAs(c, "dataset.build", "dataset_version", version.id, { number: version.number, rebuildOf: null });
    return { v1Id: version.id };
  },
};

/** Both made by one startPatch (one transaction), so adopted and restarted together. */
export const patchStep: TStep = {
  keys: ["v2Id", "controlId"],
  kind: "dataset",
  async adopt(c) {
    const made = await c.prisma.datasetVersion.findMany({ where: { ...ours(c), parentId: need(c, "v1Id") }, select: { id: true, recipe: true } });
    const of = (kind: string) => made.find((v) => (v.recipe as { kind?: string }).kind === kind)?.id;
    const [v2Id, controlId] = [of("patch"), of("control")];
    return v2Id && controlId ? { v2Id, controlId } : null;
  },
  async start(c) {
    const run = await c.prisma.diagnosisRun.findUniqueOrThrow({ where: { id: need(c, "diagnosisRunId") } });
    const request = ZPatchRequest.parse({ ...c.settings.patch, control: true });
    const { v2, control } = await startPatch(c.prisma, run, c.creator.id, request);
    await auditAs(c, "dataset.patch", "dataset_version", v2.id, { diagnosisRunId: run.id, parentId: v2.parentId, controlId: control!.id, ...c.settings.patch });
    return { v2Id: v2.id, controlId: control!.id };
  },
};

/** The contamination check of a dataset version that freezes it when it passes (the training gate). */
export function checkStep(datasetKey: string, reportKey: string): TStep {
  return {
    keys: [reportKey],
    kind: "report",
    async adopt(c) {
      const r = await c.prisma.contaminationReport.findFirst({ where: { ...ours(c), datasetVersionId: need(c, datasetKey) } });
      return r ? { [reportKey]: r.id } : null;
    },
    async start(c) {
      const report = await startContaminationCheck(
        c.prisma, { projectId: c.loop.projectId, datasetId: need(c, datasetKey), userId: c.creator.id, role: c.creator.role }, { freezeOnPass: true },
      );
      await auditAs(c, "dataset.freeze", "dataset_version", report.datasetVersionId, { reportId: report.id, benchmarkIds: report.benchmarkIds });
      return { [reportKey]: report.id };
    },
    async onReady(c, id) {
      const report = await c.prisma.contaminationReport.findUniqueOrThrow({ where: { id }, include: { datasetVersion: { select: { frozenAt: true, number: true } } } });
      if (!report.datasetVersion.frozenAt) throw new Error(report.error ?? `Dataset version ${report.datasetVersion.number} passed the guard but was not frozen.`);
    },
  };
}
