// The one job catalog: name → queue → zod payload → default options. Producer (web) and consumer
// (worker) both import it; nothing else defines job names. Payloads carry ids, never records, and
// new payload fields must be optional so queued jobs stay valid across upgrades.
import type { JobsOptions } from "bullmq";
import { z } from "zod";

/** CPU work runs on every worker; GPU work only on workers started with WORKER_QUEUES=gpu. */
export const QUEUE_NAMES = ["cpu", "gpu"] as const;
export type TQueueName = (typeof QUEUE_NAMES)[number];

interface JobDefinition<S extends z.ZodType> {
  queue: TQueueName;
  schema: S;
  /** A short human label for the Jobs panel. */
  title: string;
  options: JobsOptions;
}

const define = <S extends z.ZodType>(d: JobDefinition<S>) => d;

const retrying: JobsOptions = { attempts: 3, backoff: { type: "exponential", delay: 2000 } };

export const jobCatalog = {
  "project.recomputeStats": define({
    queue: "cpu",
    title: "Recompute project statistics",
    schema: z.object({ projectId: z.string().min(1) }),
    options: retrying,
  }),
  /** Parse, chunk and score a batch of uploaded documents (an archive expands into more). */
  "corpus.parseDocuments": define({
    queue: "cpu",
    title: "Parse and chunk documents",
    schema: z.object({ projectId: z.string().min(1), documentIds: z.array(z.string().min(1)).min(1).max(1000) }),
    options: retrying,
  }),
  /** Exact and near-duplicate removal across the project's chunks; runs after the parse batches. */
  "corpus.deduplicate": define({
    queue: "cpu",
    title: "Deduplicate chunks",
    schema: z.object({ projectId: z.string().min(1) }),
    options: retrying,
  }),
  /** Extract L3 → L2 → L1 from a batch of chunks into a knowledge version's per-chunk results. */
  "knowledge.extractChunks": define({
    queue: "cpu",
    title: "Extract knowledge from chunks",
    schema: z.object({ projectId: z.string().min(1), versionId: z.string().min(1), chunkIds: z.array(z.string().min(1)).min(1).max(1000) }),
    options: retrying,
  }),
  /** After every batch: canonicalise concepts across the project, write the graph, the quality report. */
  "knowledge.finalize": define({
    queue: "cpu",
    title: "Build the knowledge graph",
    schema: z.object({ projectId: z.string().min(1), versionId: z.string().min(1) }),
    options: retrying,
  }),
  /** The overview layout of a discipline's graph (ForceAtlas2 + Louvain), stored with the version. */
  "knowledge.layout": define({
    queue: "cpu",
    title: "Lay out the knowledge graph",
    schema: z.object({ projectId: z.string().min(1), layoutId: z.string().min(1) }),
    options: retrying,
  }),
  /** The Tester: multiple-choice items from a knowledge version's chains; resumes by item key. */
  "benchmark.generate": define({
    queue: "cpu",
    title: "Generate benchmark items",
    schema: z.object({ projectId: z.string().min(1), benchmarkId: z.string().min(1) }),
    options: retrying,
  }),
  /** The Builder: a dataset version's samples from its recipe (replaces any partial write). */
  "dataset.build": define({
    queue: "cpu",
    title: "Build training dataset",
    schema: z.object({ projectId: z.string().min(1), datasetVersionId: z.string().min(1) }),
    options: retrying,
  }),
  /** The contamination guard over a dataset version and benchmarks; freezes the version on request when it passes. */
  "dataset.checkContamination": define({
    queue: "cpu",
    title: "Check training data for benchmark contamination",
    schema: z.object({ projectId: z.string().min(1), reportId: z.string().min(1) }),
    options: retrying,
  }),
  /** A training run on a CPU backend (builtin-student) or a remote one (OpenAI fine-tuning: upload, create, poll). */
  "training.run": define({
    queue: "cpu",
    title: "Train a model",
    schema: z.object({ projectId: z.string().min(1), runId: z.string().min(1) }),
    // A retry would start a second remote job or retrain from scratch: the processor resumes from the run row instead.
    options: { attempts: 1 },
  }),
  /** A training run on a GPU worker (hf-peft script or the configured command), streaming its log back. */
  "training.gpu": define({
    queue: "gpu",
    title: "Train a model on a GPU worker",
    schema: z.object({ projectId: z.string().min(1), runId: z.string().min(1) }),
    options: { attempts: 1 },
  }),
  /** A frozen benchmark against a registered model: one stored result per item; resumes by item. */
  "evaluation.run": define({
    queue: "cpu",
    title: "Evaluate a model on a benchmark",
    schema: z.object({ projectId: z.string().min(1), evaluationId: z.string().min(1) }),
    options: retrying,
  }),
  /** Structural diagnosis of an evaluation's failures, then the judge; one Diagnosis row per failed item (idempotent). */
  "debugger.diagnose": define({
    queue: "cpu",
    title: "Diagnose failures",
    schema: z.object({ projectId: z.string().min(1), runId: z.string().min(1) }),
    options: retrying,
  }),
  /** One step of a loop run: start the next stage when the current one is done, else check again later. */
  "loop.advance": define({
    queue: "cpu",
    title: "Run the loop",
    schema: z.object({ projectId: z.string().min(1), loopId: z.string().min(1) }),
    options: retrying,
  }),
};

export type TJobKind = keyof typeof jobCatalog;
export type TJobPayload<K extends TJobKind> = z.infer<(typeof jobCatalog)[K]["schema"]>;

export const JOB_KINDS = Object.keys(jobCatalog) as TJobKind[];

export function isJobKind(name: string): name is TJobKind {
  return Object.hasOwn(jobCatalog, name);
}

export const TERMINAL_STATUSES = ["completed", "failed", "cancelled"] as const;
