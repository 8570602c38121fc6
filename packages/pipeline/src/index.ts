// @proda/pipeline: creating pipeline artifacts and enqueuing their jobs — shared by the API routes
// (apps/web) and the loop runner (apps/worker, which cannot import the web app). Server-only.
export { audit, type AuditInput } from "./audit.ts";
export { runChunksQuery, startExtraction, ZExtractionRequest, type TExtractionRequest } from "./knowledge/start-extraction.ts";
export { startBenchmark, ZBenchmarkRequest, type TBenchmarkRequest } from "./benchmarks/start-benchmark.ts";
export { freezeBenchmark } from "./benchmarks/freeze-benchmark.ts";
export { startDataset, ZDatasetRequest, type TDatasetRequest } from "./datasets/start-dataset.ts";
export { startContaminationCheck, ZContaminationRequest, ZOverrideRequest, type TContaminationRequest } from "./datasets/contamination.ts";
export { assertBuilt, findDataset } from "./datasets/find-dataset.ts";
export { findLive } from "./datasets/live-job.ts";
export { startTrainingRun, ZTrainingRunRequest, type TTrainingRunRequest } from "./training/start-run.ts";
export { fineTuningProviders, gpuWorkersOnline, unavailableReason } from "./training/backend-availability.ts";
export { checkContaminationGate, type TGate } from "./training/check-gate.ts";
export { startEvaluation, ZEvaluationRequest, type TEvaluationRequest } from "./evaluations/start-evaluation.ts";
export { findEvaluation } from "./evaluations/find-evaluation.ts";
export { startDiagnosis, ZDiagnoseRequest, type TDiagnoseRequest } from "./debugger/start-diagnosis.ts";
export { assertReady } from "./debugger/assert-ready.ts";
export { estimatePatch, planFromRun, ZPatchOptions, type TPatchEstimate, type TPatchOptions } from "./debugger/plan-patch.ts";
export { startPatch, ZPatchRequest, type TPatchRequest } from "./debugger/start-patch.ts";
export { targetsFor, type TStoredDiagnosis } from "./debugger/patch-targets.ts";
export { effectiveLabel, judgeCalibration, shownLabel, whereEffectiveLabel, type TLabelled } from "./debugger/labels.ts";
export {
  LOOP_STAGES, nextStage, ZLoopSettings,
  type TLoopArtifacts, type TLoopSettings, type TLoopSettingsInput, type TLoopStage, type TLoopSummary, type TTimelineEntry, type TTimelineStatus,
} from "./loops/loop-settings.ts";
export { readArtifactState, readStageArtifacts, STAGE_ARTIFACTS, type TArtifactKind, type TArtifactState } from "./loops/artifact-status.ts";
export { advanceJobId, enqueueAdvance, isAdvanceAlive, nextAdvanceJobId, type TAdvanceTarget } from "./loops/enqueue-advance.ts";
export { closeEntry, entryOf, openEntry, readTimeline } from "./loops/timeline.ts";
