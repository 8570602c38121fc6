// Shapes of the /api/v1 responses, shared by route handlers and the browser. Dates are ISO strings.
import type { TRole } from "@proda/core";
// Type-only: erased at build time, so the browser bundle never pulls the engine in.
import type {
  TBenchmarkStats,
  TBuildStats,
  TCoverage,
  TDistribution,
  TEvaluationSummary,
  TStructuralEvidence,
  TPatchPlan,
  TGraphStats as TEngineGraphStats,
  TLengthGuesserReport,
  TRecipe,
} from "@proda/engine";

export interface TUserDto {
  id: string;
  email: string;
  name: string;
}

export interface TProjectDto {
  id: string;
  name: string;
  description: string;
  role: TRole;
  createdAt: string;
  updatedAt: string;
}

export interface TProjectStatsDto {
  members: number;
  jobs: number;
  auditEvents: number;
  providers: number;
  computedAt: string;
}

export interface TMemberDto {
  userId: string;
  email: string;
  name: string;
  role: TRole;
  createdAt: string;
}

export interface TProviderDto {
  id: string;
  name: string;
  kind: "builtin" | "openai-compatible";
  baseUrl: string | null;
  model: string | null;
  /** "••••abcd" or null when no secret is stored. The secret itself never leaves the server. */
  secretMasked: string | null;
  isDefault: boolean;
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
  inputUsdPerMTok: number | null;
  outputUsdPerMTok: number | null;
  timeoutSeconds: number | null;
  updatedAt: string;
}

export type TJobStatus = "queued" | "running" | "completed" | "failed" | "cancelled";

export interface TJobDto {
  id: string;
  kind: string;
  title: string;
  queue: string;
  projectId: string | null;
  parentId: string | null;
  status: TJobStatus;
  progress: number;
  message: string | null;
  doneCount: number;
  totalCount: number;
  failedCount: number;
  attempts: number;
  error: string | null;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface TAuditEventDto {
  id: string;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
  createdAt: string;
}

export interface TApiTokenDto {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface THealthDto {
  status: "ok" | "degraded";
  database: { ok: boolean; latencyMs?: number; error?: string };
  redis: { ok: boolean; latencyMs?: number; error?: string };
  workers: { ok: boolean; count: number; queues: string[] };
}

export interface TPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type TDocumentStatus = "uploaded" | "parsing" | "parsed" | "failed" | "expanded";

export interface TDocumentDto {
  id: string;
  filename: string;
  path: string;
  discipline: string;
  format: string;
  sizeBytes: number;
  status: TDocumentStatus;
  errorCode: string | null;
  error: string | null;
  title: string | null;
  archiveId: string | null;
  chunkCount: number;
  keptCount: number;
  createdAt: string;
  parsedAt: string | null;
}

export interface TChunkDto {
  id: string;
  index: number;
  start: number;
  end: number;
  tokens: number;
  heading: string | null;
  qualityScore: number;
  keep: boolean;
  dropReason: string | null;
  reasons: { code: string; detail: string; value?: number; threshold?: number }[];
  duplicateOfId: string | null;
  /** The document holding the original of a duplicate chunk (to link to it). */
  duplicateOf: { documentId: string; filename: string; index: number } | null;
  similarity: number | null;
}

export interface TDocumentDetailDto {
  document: TDocumentDto & { metadata: Record<string, unknown> };
  text: string | null;
  chunks: TChunkDto[];
}

export interface TUploadResultDto {
  name: string;
  status: "accepted" | "duplicate" | "rejected";
  documentId?: string;
  error?: { code: string; message: string };
}

export interface TFunnelStage {
  stage: "documents" | "parsed" | "chunks" | "kept";
  count: number;
  /** Share of the previous stage (documents → parsed, chunks → kept); 1 for the first. */
  rate: number;
}

export interface TDisciplineFunnelDto {
  discipline: string;
  stages: TFunnelStage[];
  failedDocuments: { code: string; count: number }[];
  droppedChunks: { reason: string; count: number }[];
  pendingDocuments: number;
}

export interface TFunnelDto {
  total: TDisciplineFunnelDto;
  disciplines: TDisciplineFunnelDto[];
}

export interface TCorpusSettingsDto {
  chunkTokens: number;
  overlapTokens: number;
  dedupThreshold: number;
  quality: Record<string, unknown>;
  maxUploadBytes: number;
}

export type TKnowledgeVersionStatus = "extracting" | "canonicalising" | "ready" | "failed" | "cancelled";

export interface TKnowledgeVersionDto {
  id: string;
  number: number;
  status: TKnowledgeVersionStatus;
  providerKind: string;
  providerName: string;
  model: string | null;
  jobId: string | null;
  chunksTotal: number;
  chunksDone: number;
  chunksRejected: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  cachedCalls: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** Per-discipline quality report once ready (see TKnowledgeReport). */
  report: TKnowledgeReport | null;
}

/** The engine's graph statistics as the report stores them: orphans as a count and a share. */
export type TGraphStats = Omit<TEngineGraphStats, "orphanConcepts"> & { orphanConcepts: number; orphanShare: number };
export type { TDistribution };

export interface TKnowledgeReport {
  total: TGraphStats;
  disciplines: ({ discipline: string } & TGraphStats)[];
  /** Relations kept ÷ (kept + rejected for an unverifiable quote or reference). */
  verifiedQuoteShare: number;
  rejected: { reason: string; count: number }[];
  rejectedItems: number;
  tokens: { prompt: number; completion: number; perChunk: number };
  costUsd: number;
}

export interface TEstimateDto {
  provider: { id: string; name: string; kind: string; model: string | null };
  chunks: number;
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
  minutesAtRateLimit: number | null;
}

export interface TConceptDto {
  id: string;
  key: string;
  term: string;
  aliases: string[];
  definition: string | null;
  type: string;
  discipline: string;
  degree: number;
}

export interface TQuoteDto {
  chunkId: string;
  documentId: string;
  documentName: string;
  start: number;
  end: number;
  text: string;
}

export interface TRelationDto {
  id: string;
  subject: { id: string; term: string };
  object: { id: string; term: string };
  type: string;
  predicate: string;
  negated: boolean;
  discipline: string;
  quote: TQuoteDto;
}

export interface TConceptDetailDto {
  concept: TConceptDto;
  mentions: { chunkId: string; documentName: string; definition: string | null }[];
  outgoing: TRelationDto[];
  incoming: TRelationDto[];
  chains: { id: string; title: string }[];
}

export interface TNeighbourhoodDto {
  center: string;
  hops: number;
  truncated: boolean;
  nodes: { id: string; term: string; type: string; degree: number; hop: number }[];
  edges: { id: string; source: string; target: string; type: string; negated: boolean }[];
}

export interface TChainSummaryDto {
  id: string;
  title: string;
  discipline: string;
  stepCount: number;
  chunkId: string;
  documentId: string;
}

export interface TChainDetailDto {
  chain: TChainSummaryDto;
  steps: { order: number; text: string; relation: TRelationDto }[];
  preconditions: { text: string; start: number; end: number }[];
  negativeConstraints: { text: string; start: number; end: number }[];
  chunk: { id: string; text: string; documentName: string };
}

// ── Tester and Builder (benchmarks, dataset versions, contamination guard) ──

export type TArtifactStatus = "building" | "ready" | "frozen" | "failed" | "cancelled";
export type TReviewState = "pending" | "accepted" | "edited" | "rejected";

export interface TBenchmarkSettingsDto {
  optionCount: number;
  mode: "single" | "multi" | "mixed";
  multiShare: number;
  itemsPerChain: number;
  maxRefillRounds: number;
  maxLengthRatio: number;
  seed: number;
  nearDuplicateThreshold: number;
  disciplines: string[];
}

export interface TBenchmarkDto {
  id: string;
  number: number;
  name: string;
  /** tester: generated from a knowledge version; external: an imported multiple-choice set (no knowledge nodes). */
  source: "tester" | "external";
  knowledgeVersionId: string | null;
  knowledgeVersionNumber: number | null;
  status: TArtifactStatus;
  settings: TBenchmarkSettingsDto;
  providerKind: string;
  providerName: string;
  jobId: string | null;
  itemCount: number;
  /** Items per review state. */
  review: Record<TReviewState, number>;
  skipped: { chainId: string; reason: string; count: number }[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  frozenAt: string | null;
}

/** Position histogram, option-length parity, counts per discipline/operator/mode, and the length-only guessers. */
export type TBenchmarkStatsDto = TBenchmarkStats & { lengthGuesser: TLengthGuesserReport };

export interface TBenchmarkDetailDto {
  benchmark: TBenchmarkDto;
  stats: TBenchmarkStatsDto;
}

export interface TDistractorDto {
  operator: string;
  sourceRelationId: string;
  changed: string;
  statement: { subjectId: string; type: string; objectId: string; negated: boolean } | null;
}

export interface TItemOptionDto {
  label: string;
  text: string;
  correct: boolean;
  distractor: TDistractorDto | null;
}

export interface TBenchmarkItemDto {
  id: string;
  position: number;
  key: string;
  kind: string;
  mode: "single" | "multi";
  question: string;
  options: TItemOptionDto[];
  answer: string;
  chainId: string;
  discipline: string;
  chainLength: number;
  level: number;
  operators: string[];
  review: TReviewState;
  reviewNote: string | null;
  reviewedAt: string | null;
}

/** One item with its provenance: each distractor beside the true relation it perturbs. */
export interface TBenchmarkItemDetailDto {
  item: TBenchmarkItemDto & { relationIds: string[]; conceptIds: string[]; chunkIds: string[] };
  chain: { id: string; title: string; steps: { order: number; text: string }[] } | null;
  /** The source relations of the distractors and the chain's relations, by id. */
  relations: TRelationDto[];
  concepts: { id: string; term: string; type: string }[];
  original: { question: string; options: { label: string; text: string }[] } | null;
}

/** A Builder recipe; a patched version (V2) or its random control also carries the plan it was built from. */
export type TRecipeDto = TRecipe & { kind?: "patch" | "control"; plan?: TPatchPlan; diagnosisRunId?: string };
export type TCoverageDto = TCoverage;
/** The Builder's figures; V2 and the control add theirs under `patch`. */
export type TBuildStatsDto = TBuildStats & {
  patch?:
    | { kind: "patch"; replayed: number; excludedFromReplay: number; excludedForForbidden: number; refine: number; chainOfThought: number; droppedForForbidden: number }
    | { kind: "control"; replayed: number; drawn: number; shortfall: number };
};

export type TContaminationStatus = "running" | "passed" | "blocked" | "overridden" | "failed";

export interface TContaminationSummaryDto {
  id: string;
  status: TContaminationStatus;
  benchmarkIds: string[];
  counts: { samples: number; items: number; byKind: Record<string, number> } | null;
  overrideReason: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface TDatasetDto {
  id: string;
  number: number;
  name: string;
  knowledgeVersionId: string;
  knowledgeVersionNumber: number;
  status: TArtifactStatus;
  recipe: TRecipeDto;
  contentHash: string | null;
  sampleCount: number;
  coverage: TCoverageDto | null;
  /** Targets, produced and shortfall per sample type, once built. */
  stats: TBuildStatsDto | null;
  parentId: string | null;
  jobId: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  frozenAt: string | null;
  contamination: TContaminationSummaryDto | null;
}

export interface TSampleDto {
  id: string;
  position: number;
  key: string;
  type: string;
  discipline: string;
  messages: { role: string; content: string }[];
  meta: Record<string, unknown>;
}

export interface TDatasetDiffDto {
  from: { id: string; number: number };
  to: { id: string; number: number };
  added: number;
  removed: number;
  kept: number;
  /** Added / removed counts per sample type. */
  byType: { type: string; added: number; removed: number }[];
  /** The first added and removed samples (up to 50 each). */
  addedSamples: TSampleDto[];
  removedSamples: TSampleDto[];
}

export interface TContaminationHitDto {
  sampleKey: string;
  itemKey: string;
  kind: "exact_question" | "near_duplicate" | "ngram_overlap";
  detail: string;
  overlap?: number;
}

export interface TContaminationReportDto extends TContaminationSummaryDto {
  options: { ngram: number; nearDuplicateThreshold: number };
  hits: TContaminationHitDto[];
  nodeReport: { relationId: string; itemKeys: string[]; sampleKeys: string[] }[];
  overrideBy: string | null;
  freezeOnPass: boolean;
  jobId: string | null;
  error: string | null;
}

// ── Training, models and evaluation ──

export type TTrainerBackend = "builtin-student" | "openai" | "hf-peft" | "command";
export type TModelBackend = TTrainerBackend | "endpoint";
export type TRunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export interface TModelDto {
  id: string;
  name: string;
  backend: TModelBackend;
  kind: "base" | "trained" | "endpoint";
  providerId: string | null;
  providerName: string | null;
  remoteModel: string | null;
  /** Whether a model file is stored (the path itself stays on the server). */
  hasArtifact: boolean;
  datasetVersionId: string | null;
  trainingRunId: string | null;
  createdAt: string;
}

/** A backend as the launch form shows it: whether it can run here, and its hyperparameters. */
export interface TTrainerBackendDto {
  backend: TTrainerBackend;
  available: boolean;
  /** Why it cannot run (no provider with a key, no GPU worker online, no command configured). */
  reason: string | null;
  /** Hyperparameter fields: name, type, default, bounds, help. */
  fields: { name: string; type: "int" | "number" | "string" | "boolean"; default: unknown; min?: number; max?: number; options?: string[]; help: string }[];
  /** Base models offered for this backend. */
  baseModels: { id: string; name: string }[];
}

export interface TTrainingRunDto {
  id: string;
  number: number;
  backend: TTrainerBackend;
  status: TRunStatus;
  datasetVersionId: string;
  datasetVersionNumber: number;
  baseModelId: string | null;
  hyperparameters: Record<string, unknown>;
  gate: { status: "clean" | "overridden"; reportId: string; reason?: string; by?: string };
  jobId: string | null;
  step: number;
  totalSteps: number | null;
  /** The latest loss and learning rate logged. */
  lastLoss: number | null;
  lastLearningRate: number | null;
  /** The model this run registered when it succeeded. */
  modelId: string | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface TTrainingLogEntryDto {
  seq: number;
  step: number | null;
  epoch: number | null;
  loss: number | null;
  learningRate: number | null;
  accuracy: number | null;
  message: string | null;
  createdAt: string;
}

export type TEvaluationSummaryDto = TEvaluationSummary;

export interface TEvaluationDto {
  id: string;
  number: number;
  benchmarkId: string;
  benchmarkName: string;
  model: { id: string; name: string; backend: TModelBackend };
  status: TArtifactStatus;
  settings: { concurrency: number; maxRetries: number; temperature: number; maxTokens: number; limit: number | null };
  summary: TEvaluationSummaryDto | null;
  itemsTotal: number;
  itemsDone: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  jobId: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface TEvaluationResultDto {
  itemId: string;
  position: number;
  discipline: string;
  level: number;
  chainLength: number;
  operators: string[];
  question: string;
  answer: string;
  parsed: string | null;
  method: string;
  correct: boolean;
  chosenOperators: string[];
  latencyMs: number;
  error: string | null;
}

export interface TEvaluationResultDetailDto {
  result: TEvaluationResultDto & { raw: string };
  item: TBenchmarkItemDto;
}

/** Items of one benchmark answered by several evaluations, side by side. */
export interface TEvaluationCompareDto {
  evaluations: TEvaluationDto[];
  /** Per item: correctness per evaluation, in the order of `evaluations` (null: not answered). */
  items: { itemId: string; position: number; discipline: string; question: string; correct: (boolean | null)[] }[];
  /** Items right in one and wrong in the other, for two evaluations (first → second). */
  fixed: number;
  regressed: number;
}

// ── Debugger and the loop ──

export type TDiagnosisLabel = "concept_gap" | "reasoning_deficit";
export type TDiagnosisReview = "pending" | "accepted" | "relabelled" | "rejected";

export interface TDiagnosisRunDto {
  id: string;
  evaluationId: string;
  datasetVersionId: string | null;
  status: TArtifactStatus;
  /** "builtin" (structural evidence alone) or the provider used as LLM judge. */
  judge: { kind: "builtin" | "llm"; providerId: string | null; providerName: string | null };
  settings: { minSamples: number; abstainBelow: number };
  counts: { failed: number; concept_gap: number; reasoning_deficit: number; abstained: number } | null;
  /** Review progress and the judge's calibration against reviewers (Cohen's kappa over reviewed items). */
  review: { pending: number; accepted: number; relabelled: number; rejected: number; kappa: number | null; agreement: number; pairs: number };
  jobId: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Failures grouped three ways: where they cluster. */
export interface TDiagnosisAggregatesDto {
  byDiscipline: { discipline: string; concept_gap: number; reasoning_deficit: number }[];
  byOperator: { operator: string; count: number }[];
  /** The nodes most often behind failures. */
  byNode: { nodeType: "concept" | "relation" | "chain"; nodeId: string; label: string; failures: number }[];
}

export interface TDiagnosisRunDetailDto {
  run: TDiagnosisRunDto;
  aggregates: TDiagnosisAggregatesDto;
}

export interface TDiagnosisDto {
  id: string;
  itemId: string;
  itemPosition: number;
  question: string;
  discipline: string;
  chainId: string;
  fooledBy: string[];
  label: TDiagnosisLabel;
  confidence: number;
  evidence: TStructuralEvidence;
  judgeLabel: TDiagnosisLabel | null;
  judgeConfidence: number | null;
  judgeRationale: string | null;
  abstained: boolean;
  review: TDiagnosisReview;
  reviewLabel: TDiagnosisLabel | null;
  reviewNote: string | null;
  reviewedAt: string | null;
}

/** item → chain → relations → concepts → source chunks → the training samples that taught them → diagnosis → patch samples. */
export interface TFailureTraceDto {
  diagnosis: TDiagnosisDto;
  item: TBenchmarkItemDto;
  result: { raw: string; parsed: string | null; correct: boolean } | null;
  chain: { id: string; title: string; steps: { order: number; text: string; relationId: string }[] } | null;
  relations: (TRelationDto & { taughtBy: number })[];
  concepts: { id: string; term: string; type: string; taughtBy: number }[];
  chunks: { id: string; documentId: string; documentName: string; text: string }[];
  /** Samples of the evaluated model's training data that teach these nodes (first 20). */
  trainingSamples: TSampleDto[];
  /** Patch samples of a V2 built from this run that target these nodes (first 20). */
  patchSamples: TSampleDto[];
}

export interface TPatchEstimateDto {
  plan: TPatchPlan;
  /** Diagnoses the plan uses (not rejected; relabelled ones with their reviewed label). */
  diagnoses: { concept_gap: number; reasoning_deficit: number; excluded: number };
  replay: { parentSamples: number; eligible: number; replayed: number };
  totalSamples: number;
}

export interface TPatchResultDto {
  v2: TDatasetDto;
  control: TDatasetDto | null;
}

export interface TCompareDto {
  baseline: TEvaluationDto;
  candidate: TEvaluationDto;
  control: TEvaluationDto | null;
  items: { fixed: number; regressed: number; stillFailing: number; stillPassing: number };
  byDiscipline: { discipline: string; baseline: number; candidate: number; control: number | null; items: number }[];
  /** Nodes whose items changed most, baseline → candidate. */
  byNode: { nodeType: "concept" | "relation"; nodeId: string; label: string; baseline: number; candidate: number; items: number }[];
  /** Per-item outcome for the table: f = fixed, r = regressed, s = still failing, p = passing in both. */
  outcomes: { itemId: string; position: number; discipline: string; outcome: "fixed" | "regressed" | "still_failing" | "passing"; control: boolean | null }[];
}

export type TLoopStage =
  | "extract" | "benchmark" | "v1" | "train_v1" | "evaluate_v1" | "diagnose" | "patch" | "train_v2" | "evaluate_v2" | "done";

export interface TLoopSummaryDto {
  accuracy: { v1: number; v2: number; control: number | null };
  items: number;
  /** Items V2 (resp. the control) got right that V1 got wrong, and the reverse. */
  v2: { fixed: number; regressed: number };
  control: { fixed: number; regressed: number } | null;
}

export interface TLoopDto {
  id: string;
  number: number;
  status: TRunStatus;
  stage: TLoopStage;
  settings: Record<string, unknown>;
  artifacts: Record<string, string>;
  timeline: {
    stage: TLoopStage;
    status: "running" | "succeeded" | "failed" | "cancelled" | "skipped";
    startedAt: string | null;
    finishedAt: string | null;
    message: string | null;
    /** On the "done" entry: V1 vs V2 vs control. */
    summary?: TLoopSummaryDto;
  }[];
  jobId: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface TLineageDto {
  nodes: { id: string; type: "knowledge_version" | "benchmark" | "dataset_version" | "training_run" | "model" | "evaluation" | "diagnosis_run" | "loop"; label: string; status: string | null }[];
  edges: { source: string; target: string; label: string }[];
}

export interface TExternalScoreDto {
  id: string;
  benchmark: string;
  modelName: string;
  score: number;
  createdAt: string;
}

export interface TAlignmentDto {
  benchmarkId: string;
  /** Per external benchmark: Spearman's rho between our accuracy ranking and the external one, over the models both scored. */
  external: { benchmark: string; rho: number | null; models: { modelName: string; ours: number; theirs: number }[] }[];
}

// ── Graph overview at scale ──

export interface TGraphLayoutDto {
  id: string;
  discipline: string;
  status: TArtifactStatus;
  nodeCount: number;
  edgeCount: number;
  jobId: string | null;
  error: string | null;
  stats: { iterations: number; seconds: number; bounds: { minX: number; minY: number; maxX: number; maxY: number }; communities: number } | null;
  createdAt: string;
  finishedAt: string | null;
  /** Changes when an expert edits a concept of the version (the payload carries terms and types). */
  revision: string;
}

/**
 * GET …/layouts/:id/data answers application/octet-stream, little-endian:
 *   header  Uint32 × 4: magic 0x50524f44 ("PROD"), version 1, nodeCount n, edgeCount m
 *   Float32 × 2n positions · Uint32 × 2m edges · Int32 × n communities · Uint8 × n type index (zero-padded
 *   to a multiple of 4 bytes, so the next section can be viewed in place) · Uint32 × n degree
 *   then UTF-8 JSON { conceptIds: string[], terms: string[], types: string[] } (length-prefixed by a Uint32)
 */
export const LAYOUT_MAGIC = 0x50524f44;

/** GET …/overlay?kind=coverage&datasetId= | failure&evaluationId= → one value per layout node (0–1, or −1 = no data). */
export interface TOverlayDto {
  kind: "coverage" | "failure";
  layoutId: string;
  values: number[];
}

export interface TPathDto {
  /** Concept ids from `from` to `to` (empty when none within the hop cap). */
  nodes: { id: string; term: string }[];
  edges: { id: string; source: string; target: string; type: string }[];
  hops: number | null;
}
