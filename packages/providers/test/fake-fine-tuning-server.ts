// A local stand-in for OpenAI's files and fine-tuning API (on a loopback port), for the openai trainer
// backend's tests: POST /v1/files, POST /v1/fine_tuning/jobs, GET /v1/fine_tuning/jobs/:id, GET
// …/events (newest first, `after` cursor, `limit`), POST …/cancel. A job advances one stage per status
// poll: validating_files → running → one metrics event per poll → succeeded (or failed, per its plan).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface TFakeJobPlan {
  /** Training steps, one per status poll once running (default 3). */
  steps?: number;
  /** Fail after the steps with this message instead of succeeding. */
  failWith?: string;
}

export interface TFakeFineTuningOptions {
  /** Reject other keys with 401. */
  requireApiKey?: string;
  /** The plan of the n-th job created (0-based); default: 3 steps, then success. */
  plan?: (index: number) => TFakeJobPlan;
}

interface TFakeEvent {
  object: "fine_tuning.job.event";
  id: string;
  created_at: number;
  level: "info" | "warn" | "error";
  message: string;
  type: "message" | "metrics";
  data: Record<string, unknown>;
}

interface TFakeJob {
  id: string;
  model: string;
  trainingFile: string;
  body: Record<string, unknown>;
  plan: Required<Pick<TFakeJobPlan, "steps">> & TFakeJobPlan;
  status: "validating_files" | "queued" | "running" | "succeeded" | "failed" | "cancelled";
  step: number;
  fineTunedModel: string | null;
  error: { code: string; message: string; param: null } | null;
  events: TFakeEvent[];
  createdAt: number;
}

export interface TFakeFineTuningServer {
  baseUrl: string;
  stats: {
    /** Uploaded files: purpose and the parsed JSONL rows. */
    uploads: { id: string; purpose: string; filename: string; rows: unknown[] }[];
    jobs: Map<string, TFakeJob>;
    cancelled: string[];
    polls: number;
    authorizations: Set<string>;
  };
  close(): Promise<void>;
}

const now = () => Math.floor(Date.now() / 1000);
let counter = 0;
const nextId = (prefix: string) => `${prefix}-${Date.now().toString(36)}${(counter++).toString(36).padStart(4, "0")}`;

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function toWire(job: TFakeJob) {
  return {
    object: "fine_tuning.job", id: job.id, model: job.model, created_at: job.createdAt, finished_at: null,
    fine_tuned_model: job.fineTunedModel, organization_id: "org-fake", result_files: [], status: job.status,
    validation_file: null, training_file: job.trainingFile, hyperparameters: (job.body.method as { supervised?: { hyperparameters?: unknown } })?.supervised?.hyperparameters ?? {},
    trained_tokens: job.status === "succeeded" ? 1000 : null, error: job.error, seed: 0, estimated_finish: null, integrations: [], metadata: null,
    method: job.body.method ?? null,
  };
}

function addEvent(job: TFakeJob, message: string, extra: Partial<TFakeEvent> = {}) {
  job.events.push({ object: "fine_tuning.job.event", id: nextId("ftevent"), created_at: now(), level: "info", message, type: "message", data: {}, ...extra });
}

/** One poll's worth of progress. */
function advance(job: TFakeJob) {
  if (job.status === "validating_files") {
    job.status = "running";
    addEvent(job, `Files validated, moving job to queued state`);
    addEvent(job, `Fine-tuning job started`);
  } else if (job.status === "running" && job.step < job.plan.steps) {
    job.step++;
    const loss = 2 / job.step;
    addEvent(job, `Step ${job.step}/${job.plan.steps}: training loss=${loss.toFixed(4)}`, {
      type: "metrics",
      data: { step: job.step, train_loss: loss, total_steps: job.plan.steps, train_mean_token_accuracy: 1 - loss / 4 },
    });
  } else if (job.status === "running") {
    if (job.plan.failWith) {
      job.status = "failed";
      job.error = { code: "invalid_training_file", message: job.plan.failWith, param: null };
      addEvent(job, job.plan.failWith, { level: "error" });
    } else {
      job.status = "succeeded";
      job.fineTunedModel = `ft:${job.model}:proda:${String(job.body.suffix ?? "")}:${job.id.slice(-6)}`;
      addEvent(job, `New fine-tuned model created: ${job.fineTunedModel}`);
      addEvent(job, "The job has successfully completed");
    }
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeFineTuningServer(options: TFakeFineTuningOptions = {}): Promise<TFakeFineTuningServer> {
  const stats: TFakeFineTuningServer["stats"] = { uploads: [], jobs: new Map(), cancelled: [], polls: 0, authorizations: new Set() };
  const server = createServer((req, res) => {
    void (async () => {
      const auth = req.headers.authorization ?? "";
      stats.authorizations.add(auth);
      if (options.requireApiKey && auth !== `Bearer ${options.requireApiKey}`) {
        return send(res, 401, { error: { message: "Incorrect API key provided", type: "invalid_request_error", code: "invalid_api_key" } });
      }
      const url = new URL(req.url ?? "/", "http://localhost");
      const body = await readBody(req);
      const parts = url.pathname.replace(/^\/v1\//, "").split("/");

      if (req.method === "POST" && url.pathname === "/v1/files") {
        // Multipart, as the SDK sends it: let the fetch implementation parse it.
        const form = await new Request("http://localhost/", { method: "POST", headers: { "content-type": req.headers["content-type"] ?? "" }, body: new Uint8Array(body) }).formData();
        const file = form.get("file") as File;
        const text = await file.text();
        const id = nextId("file");
        stats.uploads.push({ id, purpose: String(form.get("purpose")), filename: file.name, rows: text.split("\n").filter(Boolean).map((l) => JSON.parse(l) as unknown) });
        return send(res, 200, { object: "file", id, bytes: text.length, created_at: now(), filename: file.name, purpose: form.get("purpose"), status: "processed" });
      }
      if (req.method === "POST" && url.pathname === "/v1/fine_tuning/jobs") {
        const input = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
        if (!stats.uploads.some((u) => u.id === input.training_file)) return send(res, 400, { error: { message: `File ${String(input.training_file)} not found` } });
        const job: TFakeJob = {
          id: nextId("ftjob"), model: String(input.model), trainingFile: String(input.training_file), body: input,
          plan: { steps: 3, ...options.plan?.(stats.jobs.size) }, status: "validating_files", step: 0,
          fineTunedModel: null, error: null, events: [], createdAt: now(),
        };
        addEvent(job, `Created fine-tuning job: ${job.id}`);
        stats.jobs.set(job.id, job);
        return send(res, 200, toWire(job));
      }
      const job = parts[0] === "fine_tuning" && parts[1] === "jobs" ? stats.jobs.get(parts[2] ?? "") : undefined;
      if (!job) return send(res, 404, { error: { message: `Not found: ${req.method} ${url.pathname}` } });
      if (req.method === "GET" && parts.length === 3) {
        stats.polls++;
        advance(job);
        return send(res, 200, toWire(job));
      }
      if (req.method === "GET" && parts[3] === "events") {
        const newestFirst = [...job.events].reverse();
        const after = url.searchParams.get("after");
        const start = after ? newestFirst.findIndex((e) => e.id === after) + 1 : 0;
        const limit = Number(url.searchParams.get("limit") ?? 20);
        const data = newestFirst.slice(start, start + limit);
        return send(res, 200, { object: "list", data, has_more: start + limit < newestFirst.length });
      }
      if (req.method === "POST" && parts[3] === "cancel") {
        if (["succeeded", "failed", "cancelled"].includes(job.status)) return send(res, 400, { error: { message: `Job is already ${job.status}` } });
        job.status = "cancelled";
        stats.cancelled.push(job.id);
        addEvent(job, "Fine-tuning job cancelled");
        return send(res, 200, toWire(job));
      }
      return send(res, 404, { error: { message: `Not found: ${req.method} ${url.pathname}` } });
    })().catch((error: unknown) => send(res, 500, { error: { message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    stats,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
