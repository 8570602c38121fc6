// openai: fine-tuning through the provider's files and fine-tuning jobs API. The dataset is uploaded
// as chat JSONL (messages only), a job is created on the registered base model, and its status and
// events are polled into the run's log until it ends. The job id is saved on the run at once, so a
// worker that restarts resumes polling the same job instead of paying for a second one.
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type OpenAI from "openai";
import { createOpenAiContext } from "../openai-compatible/context.ts";
import { redactSecret } from "../secrets.ts";
import type { TProviderSettings } from "../types.ts";
import { TrainerCancelledError, TrainerFailedError, sleepUnlessCancelled, throwIfCancelled } from "./errors.ts";
import { TRAINER_SPECS, type TOpenAiHyperparameters } from "./specs.ts";
import type { TTrainerBackend, TTrainerContext, TTrainerLogPoint } from "./types.ts";
import { writeChatJsonl } from "./write-export.ts";

export interface TOpenAiTrainerConfig {
  /** The project's provider config with its decrypted key (loadProviderSettings). */
  loadSettings(projectId: string, providerId: string): Promise<TProviderSettings>;
  /** Between two status polls (OpenAI asks clients not to poll hard; tests poll fast). */
  pollMs: number;
}

type TEvent = OpenAI.FineTuning.Jobs.FineTuningJobEvent;

const REQUEST = { maxRetries: 4 } as const;
const finite = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function eventToLogPoint(event: TEvent): TTrainerLogPoint {
  if (event.type === "metrics" && event.data && typeof event.data === "object") {
    const data = event.data as Record<string, unknown>;
    const step = finite(data.step);
    return {
      step: step === null ? null : Math.round(step),
      loss: finite(data.train_loss),
      accuracy: finite(data.train_mean_token_accuracy),
      totalSteps: finite(data.total_steps),
      message: event.message,
    };
  }
  return { message: event.level === "info" ? event.message : `[${event.level}] ${event.message}` };
}

/**
 * Events come newest first. Each poll reads until the newest event of the previous poll. The first
 * poll of a resumed run reads them all and skips as many as the run already stored.
 */
function createEventReader(client: OpenAI, jobId: string, alreadyStored: number) {
  let newest: string | null = null;
  let skip = alreadyStored;
  return async function poll(ctx: TTrainerContext): Promise<void> {
    const fresh: TEvent[] = [];
    for await (const event of client.fineTuning.jobs.listEvents(jobId, { limit: 100 }, REQUEST)) {
      if (event.id === newest) break;
      fresh.push(event);
    }
    if (fresh.length === 0) return;
    newest = fresh[0]!.id;
    const chronological = fresh.reverse();
    const keep = chronological.slice(skip);
    skip = Math.max(0, skip - chronological.length);
    for (const event of keep) ctx.log(eventToLogPoint(event));
  };
}

export function createOpenAiTrainer(config: TOpenAiTrainerConfig): TTrainerBackend<TOpenAiHyperparameters> {
  return {
    ...TRAINER_SPECS.openai,
    async train(ctx, hp) {
      const base = ctx.run.baseModel;
      if (!base?.providerId || !base.remoteModel) throw new TrainerFailedError("The run has no registered base model with a provider to fine-tune.");
      const settings = await config.loadSettings(ctx.run.projectId, base.providerId);
      if (settings.kind !== "openai-compatible") throw new TrainerFailedError(`Provider "${settings.name}" is not an OpenAI-compatible endpoint.`);
      const { client } = createOpenAiContext({ ...settings, model: base.remoteModel }, { cache: null, limiter: null, logger: ctx.logger });
      let jobId: string | null = ctx.run.remoteJobId;
      // Endpoint messages can echo the key: every error leaves here redacted.
      const safely = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
        try {
          return await fn();
        } catch (error) {
          // Before the remote job exists a cancel needs nothing remote; after, the poll loop cancels it.
          if (ctx.signal.aborted && !jobId) throw new TrainerCancelledError();
          const message = error instanceof Error ? error.message : String(error);
          throw new TrainerFailedError(`${what} failed: ${redactSecret(message, settings.apiKey)}`);
        }
      };

      if (!jobId) {
        const file = path.join(ctx.workDir, "train.openai.jsonl");
        const count = await writeChatJsonl(ctx.samples(), file, ctx.signal);
        if (count === 0) throw new TrainerFailedError("The dataset version has no samples to train on.");
        const uploaded = await safely("Uploading the training file", () =>
          client.files.create({ file: createReadStream(file), purpose: "fine-tune" }, { ...REQUEST, signal: ctx.signal }),
        ).finally(() => rm(file, { force: true }));
        throwIfCancelled(ctx.signal);
        const auto = <T>(v: T | null) => v ?? ("auto" as const);
        // Not abortable: once sent, the job may exist remotely, and its id must be saved to be cancelled.
        const job = await safely("Creating the fine-tuning job", () =>
          client.fineTuning.jobs.create(
            {
              model: base.remoteModel!,
              training_file: uploaded.id,
              suffix: `proda-run-${ctx.run.number}`,
              method: {
                type: "supervised",
                supervised: { hyperparameters: { n_epochs: auto(hp.n_epochs), batch_size: auto(hp.batch_size), learning_rate_multiplier: auto(hp.learning_rate_multiplier) } },
              },
            },
            REQUEST,
          ),
        );
        jobId = job.id;
        await ctx.saveRemoteJobId(jobId);
      }

      const remoteJobId = jobId;
      const pollEvents = createEventReader(client, remoteJobId, ctx.run.loggedEntries);
      for (;;) {
        if (ctx.signal.aborted) {
          await client.fineTuning.jobs.cancel(remoteJobId, REQUEST).catch((error: unknown) =>
            ctx.logger.warn({ remoteJobId, err: redactSecret(String(error), settings.apiKey) }, "remote cancel failed"),
          );
          throw new TrainerCancelledError();
        }
        let job: OpenAI.FineTuning.Jobs.FineTuningJob;
        try {
          job = await safely("Polling the fine-tuning job", () => client.fineTuning.jobs.retrieve(remoteJobId, REQUEST));
          await safely("Reading the job's events", () => pollEvents(ctx));
        } catch (error) {
          if (ctx.signal.aborted) continue;
          throw error;
        }
        if (job.status === "succeeded") {
          if (!job.fine_tuned_model) throw new TrainerFailedError("The fine-tuning job succeeded without naming its model.");
          return { providerId: settings.id, remoteModel: job.fine_tuned_model };
        }
        if (job.status === "failed") {
          const reason = job.error?.message ? redactSecret(job.error.message, settings.apiKey) : "no reason given";
          throw new TrainerFailedError(`The fine-tuning job failed: ${reason}`);
        }
        if (job.status === "cancelled") throw new TrainerCancelledError("The fine-tuning job was cancelled on the provider's side");
        await sleepUnlessCancelled(config.pollMs, ctx.signal).catch(() => {});
      }
    },
  };
}
