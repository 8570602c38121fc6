// The one interface every trainer backend implements. A backend is a spec (queue, hyperparameter
// schema, form fields) that the web reads to validate and offer runs, plus `train`, which only a
// worker calls: it gets the run, its samples page by page, a log sink and an abort signal, and
// returns what to register as the trained model.
import type { Logger } from "@proda/core/server";
import type { z } from "zod";

export const TRAINER_BACKENDS = ["builtin-student", "openai", "hf-peft", "command"] as const;
export type TTrainerBackendName = (typeof TRAINER_BACKENDS)[number];

/** A hyperparameter as the launch form shows it. */
export interface TTrainerField {
  name: string;
  type: "int" | "number" | "string" | "boolean";
  /** null: the backend decides ("auto"). */
  default: unknown;
  min?: number;
  max?: number;
  options?: string[];
  help: string;
}

export interface TTrainerSpec {
  name: TTrainerBackendName;
  label: string;
  /** "gpu" runs only on workers started with WORKER_QUEUES=gpu. */
  queue: "cpu" | "gpu";
  /** Parses a request's hyperparameters (strict: unknown names are errors) and fills the defaults. */
  hyperparameters: z.ZodType<Record<string, unknown>>;
  fields: TTrainerField[];
  /** openai fine-tunes a registered base model; the GPU backends use the worker's configured model. */
  usesBaseModel: boolean;
  /**
   * What a worker does when it finds the run already running (its previous worker was lost):
   * restart it (deterministic and local), resume it (the remote job goes on), or fail it.
   */
  onLostWorker: "restart" | "resume" | "fail";
}

/** One line of a training log: a metrics point and/or a message. */
export interface TTrainerLogPoint {
  step?: number | null;
  epoch?: number | null;
  loss?: number | null;
  learningRate?: number | null;
  accuracy?: number | null;
  message?: string | null;
  /** The backend's total step count when it announces one. */
  totalSteps?: number | null;
}

/** A stored training sample, as the exports and the student read it. */
export interface TTrainerSample {
  key: string;
  type: string;
  messages: { role: "system" | "user" | "assistant"; content: string }[];
  meta: Record<string, unknown>;
}

export interface TTrainerRun {
  id: string;
  projectId: string;
  number: number;
  datasetVersionId: string;
  /** The registered base model (openai): its provider config and remote id. */
  baseModel: { id: string; providerId: string | null; remoteModel: string | null } | null;
  /** Set once the backend's own job exists: a worker that finds it set resumes that job. */
  remoteJobId: string | null;
  /** Log entries already stored for the run (a resumed remote job skips the events it has). */
  loggedEntries: number;
}

export interface TTrainerContext {
  run: TTrainerRun;
  /** The dataset version's samples in position order, one page at a time. */
  samples(): AsyncIterable<TTrainerSample[]>;
  /** Appends to the run's log; written in order and streamed to the browser. */
  log(point: TTrainerLogPoint): void;
  saveRemoteJobId(id: string): Promise<void>;
  /** Aborted when someone cancels the run (or the worker shuts down). */
  signal: AbortSignal;
  /** This run's directory on the worker (exports, configs, outputs). Created by the backend when needed. */
  workDir: string;
  logger: Logger;
}

/** What a successful run registers: a local artifact (blob key or server-side path) or a remote model. */
export interface TTrainedModel {
  artifactPath?: string;
  providerId?: string;
  remoteModel?: string;
}

/** H: what the spec's schema produces for this backend. */
export interface TTrainerBackend<H = Record<string, unknown>> extends TTrainerSpec {
  train(ctx: TTrainerContext, hyperparameters: H): Promise<TTrainedModel>;
}
