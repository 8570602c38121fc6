// The loop's model steps, through the same starters as their API routes: a training run on a frozen
// dataset version (its model recorded once trained), an evaluation of that model on the loop's
// frozen benchmark, and the diagnosis of V1's failures.
import { startDiagnosis, startEvaluation, startTrainingRun, ZEvaluationRequest, ZTrainingRunRequest } from "@proda/pipeline";
import { auditAs, need, ours, type TStep } from "./step-context.ts";

export function trainStep(datasetKey: string, runKey: string, modelKey: string): TStep {
  return {
    keys: [runKey],
    kind: "training",
    async adopt(c) {
      const run = await c.prisma.trainingRun.findFirst({ where: { ...ours(c), datasetVersionId: need(c, datasetKey) } });
      return run ? { [runKey]: run.id } : null;
    },
    async start(c) {
      const request = ZTrainingRunRequest.parse({ datasetVersionId: need(c, datasetKey), backend: c.settings.backend, hyperparameters: c.settings.hyperparameters });
      const run = await startTrainingRun(c.prisma, c.loop.projectId, c.creator.id, request);
      await auditAs(c, "training.start", "training_run", run.id, { number: run.number, backend: run.backend, datasetVersionId: run.datasetVersionId, gate: run.gate as object });
      return { [runKey]: run.id };
    },
    async onReady(c, id) {
      const model = await c.prisma.registeredModel.findUnique({ where: { trainingRunId: id }, select: { id: true } });
      if (!model) throw new Error("The training run succeeded but registered no model.");
      return { [modelKey]: model.id };
    },
  };
}

export function evaluateStep(modelKey: string, evaluationKey: string): TStep {
  return {
    keys: [evaluationKey],
    kind: "evaluation",
    async adopt(c) {
      const e = await c.prisma.evaluation.findFirst({ where: { ...ours(c), modelId: need(c, modelKey), benchmarkId: need(c, "benchmarkId") } });
      return e ? { [evaluationKey]: e.id } : null;
    },
    async start(c) {
      const request = ZEvaluationRequest.parse({ benchmarkId: need(c, "benchmarkId"), modelId: need(c, modelKey), settings: c.settings.evaluation });
      const evaluation = await startEvaluation(c.prisma, c.loop.projectId, c.creator.id, request);
      await auditAs(c, "evaluation.create", "evaluation", evaluation.id, { number: evaluation.number, benchmarkId: evaluation.benchmarkId, modelId: evaluation.modelId });
      return { [evaluationKey]: evaluation.id };
    },
  };
}

export const diagnoseStep: TStep = {
  keys: ["diagnosisRunId"],
  kind: "diagnosis",
  async adopt(c) {
    const run = await c.prisma.diagnosisRun.findFirst({ where: { ...ours(c), evaluationId: need(c, "evaluationV1Id") } });
    return run ? { diagnosisRunId: run.id } : null;
  },
  async start(c) {
    const run = await startDiagnosis(c.prisma, c.loop.projectId, c.creator.id, need(c, "evaluationV1Id"), c.settings.diagnosis);
    await auditAs(c, "diagnosis.start", "diagnosis_run", run.id, { evaluationId: run.evaluationId, judge: run.judge });
    return { diagnosisRunId: run.id };
  },
};
