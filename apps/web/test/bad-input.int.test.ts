// Bad input, generated from the routes' own schemas (fixtures/bad-payloads.ts), sent to every
// /api/v1 handler as the project owner (Bearer token, real ids) with a real Request:
//   1. payloads the schema refuses, bodies that are not sane JSON, and hostile path parameters get a
//      4xx with the error shape, and leave the database exactly as it was (so no job was queued);
//   2. hostile but maybe valid strings in every free-text field may succeed or be refused, never 5xx;
//      what a 2xx stored reads back exactly.
// A 5xx anywhere fails the test: the route must answer bad input with a clear 4xx.
import { decryptSecret, parseSecretKey } from "@proda/core/server";
import { getPrisma } from "@proda/db";
import { closeProducer, getQueue, QUEUE_NAMES } from "@proda/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { MULTIPART } from "../../../scripts/openapi-responses.ts";
import { hostileCases, setAt, validSamples, violations, type TJsonSchema } from "./fixtures/bad-payloads.ts";
import { changedTables, snapshotDatabase, tablesWrittenSince, writeMark, writtenRowHolds, type TDbSnapshot } from "./fixtures/db-snapshot.ts";
import { createEveryIdProject } from "./fixtures/every-id-project.ts";
import { HOSTILE_PARAMS, malformedBodies } from "./fixtures/hostile-values.ts";
import { answerProblem, callRoute, loadRoutes, paramNames, statusTally, type TCall, type TRoute } from "./fixtures/route-calls.ts";

const MAX_BODY_BYTES = 1_000_000; // route.ts
const routes = await loadRoutes();
const withInput = routes.filter((r) => r.json);
/** Routes that read their body themselves (multipart uploads), from the OpenAPI generator's list. */
const selfReading = routes.filter((r) => !r.json && MULTIPART[r.key]);
const is4xx = (status: number) => status >= 400 && status < 500;
const below500 = (status: number) => status < 500;

let project: Awaited<ReturnType<typeof createEveryIdProject>>;
let before: TDbSnapshot;

/** The real id of a path parameter; `runId` names a diagnosis run or a training run, by its path. */
function realParams(r: TRoute): Record<string, string> {
  const ids: Record<string, string> = project.ids;
  return Object.fromEntries(
    paramNames(r).map((name) => {
      if (name !== "runId") return [name, ids[name]!];
      return [name, r.segments.includes("diagnosis-runs") ? ids.diagnosisRunId! : ids.trainingRunId!];
    }),
  );
}

/** Real ids for body and query fields that name other artifacts, by field name. */
function fill(key: string, schema: TJsonSchema): unknown {
  if (schema.type !== "string" || schema.enum) return undefined;
  const ids = project.ids;
  const byKey: Record<string, string> = {
    knowledgeVersionId: ids.versionId, providerId: ids.providerId, benchmarkId: project.frozenBenchmarkId, benchmarkIds: project.frozenBenchmarkId,
    modelId: ids.modelId, datasetVersionId: ids.datasetId, datasetId: ids.datasetId, evaluationId: ids.evaluationId, layoutId: ids.layoutId,
    against: ids.datasetId, from: ids.conceptId, to: project.otherConceptId, id: ids.versionId, ids: `${ids.evaluationId},${ids.evaluationId}`,
    baseline: ids.diagnosisRunId, candidate: ids.diagnosisRunId, excludeRelationIds: ids.relationId, excludeConceptIds: ids.conceptId,
  };
  return byKey[key];
}

/** Calls a route as the project owner, with real ids unless told otherwise. */
const send = (r: TRoute, call: Partial<TCall>) => callRoute(r, { token: project.owner.token, params: realParams(r), ...call });

describe.sequential("bad input, generated from the route schemas", () => {
  beforeAll(async () => {
    project = await createEveryIdProject(getPrisma());
    // Authenticating records a token's use at most once a minute; dated ahead, it never does, so
    // every write the read-back sees was made by the request itself.
    await getPrisma().apiToken.updateMany({ where: { userId: project.owner.userId }, data: { lastUsedAt: new Date(Date.now() + 86_400_000) } });
    before = await snapshotDatabase(getPrisma());
  });
  afterAll(async () => {
    console.info(`bad-input sweep: ${routes.length} handlers, ${Object.values(statusTally).reduce((a, b) => a + b, 0)} requests, ${JSON.stringify(statusTally)}`);
    // Hostile-but-valid requests may have queued jobs no worker will take: leave no keys behind.
    for (const name of QUEUE_NAMES) await getQueue(name).obliterate({ force: true }).catch(() => {});
    await closeProducer();
  });

  it("finds every route, and an input schema on the routes that take one", () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(withInput.length).toBeGreaterThan(50);
    expect(selfReading.map((r) => r.key).sort()).toEqual(Object.keys(MULTIPART).sort());
  });

  for (const r of withInput) {
    it(`${r.key}: payloads its schema refuses get a 4xx with a message`, async () => {
      const schema = r.handler.input as z.ZodType;
      const cases = violations(r.json!, { mode: r.mode, fill, accept: (b) => schema.safeParse(b).success });
      // The generator's honesty: every case is one the route's own schema refuses.
      expect(cases.filter((c) => schema.safeParse(c.body).success).map((c) => c.name)).toEqual([]);
      const raw = r.mode === "body" ? malformedBodies(MAX_BODY_BYTES) : [];
      const problems: string[] = [];
      for (const c of [...cases.map((c) => ({ name: c.name, body: c.body })), ...raw.map((c) => ({ name: c.name, raw: c }))]) {
        const problem = answerProblem(await send(r, c), is4xx);
        if (problem) problems.push(`${c.name}: ${problem}`);
      }
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }

  for (const r of selfReading) {
    it(`${r.key}: bodies that are not what it reads get a 4xx with a message`, async () => {
      const json = MULTIPART[r.key]!.json as TJsonSchema | undefined;
      const cases = [...(json ? violations(json) : []), ...malformedBodies(MAX_BODY_BYTES).map((c) => ({ name: c.name, raw: c }))];
      const problems: string[] = [];
      for (const c of cases) {
        const problem = answerProblem(await send(r, c), is4xx);
        if (problem) problems.push(`${c.name}: ${problem}`);
      }
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }

  for (const r of routes.filter((r) => paramNames(r).length > 0)) {
    it(`${r.key}: path parameters that name nothing get a 400 or 404`, async () => {
      // A valid body, so the parameter is the only thing wrong (DELETE included: no real id is sent).
      const schema = r.handler.input as z.ZodType | undefined;
      const body = r.json ? validSamples(r.json, { mode: r.mode, fill, accept: (b) => schema!.safeParse(b).success })[0] : undefined;
      const problems: string[] = [];
      for (const name of paramNames(r)) {
        for (const bad of HOSTILE_PARAMS) {
          const answer = await send(r, { params: { ...realParams(r), [name]: bad.value }, body });
          const problem = answerProblem(answer, (status) => status === 400 || status === 404);
          if (problem) problems.push(`${name} = ${bad.name}: ${problem}`);
        }
      }
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }

  it("left the database exactly as it was (nothing stored, no job queued)", async () => {
    const after = await snapshotDatabase(getPrisma());
    expect(changedTables(before, after)).toEqual([]);
  });

  for (const r of withInput) {
    it(`${r.key}: hostile strings in every free-text field are stored exactly or refused, never a 5xx`, async () => {
      const schema = r.handler.input as z.ZodType;
      const cases = hostileCases(r.json!, { mode: r.mode, fill, accept: (b) => schema.safeParse(b).success });
      const problems: string[] = [];
      for (const c of cases) {
        // A marker makes each value unique, so the read-back finds this case's row, not an earlier one's.
        const value = `${c.value} #${++marker}`;
        const mark = await writeMark(getPrisma());
        const answer = await send(r, { body: uniqueNames(setAt(c.body, c.path, value), c.path) });
        const problem = answerProblem(answer, below500) ?? (r.method !== "GET" ? await readBackProblem(answer.status, value, mark) : null);
        if (problem) problems.push(`${c.name}: ${problem}`);
      }
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }

  for (const r of selfReading) {
    it(`${r.key}: hostile strings in its form fields and file names are stored exactly or refused, never a 5xx`, async () => {
      const spec = MULTIPART[r.key]!;
      const fields = Object.entries(spec.properties) as [string, TJsonSchema & { contentMediaType?: string; items?: { contentMediaType?: string } }][];
      const fileFields = fields.filter(([, s]) => s.contentMediaType ?? s.items?.contentMediaType).map(([name]) => name);
      const textSchema: TJsonSchema = { type: "object", properties: Object.fromEntries(fields.filter(([name]) => !fileFields.includes(name))) };
      // Hostile text in each form field, then as each file's name.
      const cases = [
        ...hostileCases(textSchema).map((c) => ({ ...c, field: true })),
        ...fileFields.flatMap((f) => hostileCases({ type: "object", properties: { [f]: { type: "string" } } }).map((c) => ({ ...c, body: {}, field: false }))),
      ];
      const problems: string[] = [];
      for (const c of cases) {
        const value = `${c.value} #${++marker}`;
        const form = new FormData();
        for (const [k, v] of Object.entries(c.field ? (setAt(c.body, c.path, value) as Record<string, string>) : {})) form.append(k, v);
        for (const f of fileFields) form.append(f, new Blob([sampleFile(f, marker)]), c.field ? "notes.md" : `${value}.md`);
        const mark = await writeMark(getPrisma());
        const answer = await send(r, { form });
        // A file name is split into folders and a name: only form fields must read back exactly.
        const problem = answerProblem(answer, below500) ?? (c.field ? await readBackProblem(answer.status, value, mark) : null);
        if (problem) problems.push(`${c.name}: ${problem}`);
      }
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }
});

/** A file the upload routes accept, by form field; unique per call (files are stored by content). */
function sampleFile(field: string, n: number): string {
  if (field === "file") return `${JSON.stringify({ question: `Which enzyme breaks down hydrogen peroxide? (${n})`, choices: ["catalase", "amylase"], answer: 0 })}\n`;
  return `Catalase breaks down hydrogen peroxide. (${n})\n`;
}

let nameCounter = 0;
/** Unique "name" fields (but the one under test), so one case's row does not make the next a 409. */
function uniqueNames(body: unknown, hostilePath: (string | number)[]): unknown {
  if (!body || typeof body !== "object" || Array.isArray(body)) return body;
  const out = { ...(body as Record<string, unknown>) };
  if (typeof out.name === "string" && hostilePath.join(".") !== "name") out.name = `${out.name}-${++nameCounter}`;
  return out;
}

let marker = 0;

/**
 * After a mutation that succeeded and wrote anything: one of the rows it wrote (since `mark`) holds
 * the value exactly. A call that wrote nothing (an estimate, a chat reply) stored nothing to check.
 * The audit log is not searched: it records the request as sent, so it would hide a route that
 * mangles the value in the row it stores.
 */
async function readBackProblem(status: number, sent: string, mark: string): Promise<string | null> {
  if (status < 200 || status >= 300) return null;
  const prisma = getPrisma();
  const written = (await tablesWrittenSince(prisma, mark)).filter((t) => t !== "AuditEvent");
  if (written.length === 0) return null;
  // Multipart carries UTF-8 only: a lone surrogate arrives as U+FFFD (JSON bodies refuse it).
  const value = sent.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
  for (const table of written) if (await writtenRowHolds(prisma, table, mark, value)) return null;
  // A provider's secret is stored encrypted (AES-GCM): it round-trips when it decrypts to the value.
  if (written.includes("ProviderConfig")) {
    const key = parseSecretKey(process.env.PRODA_SECRET_KEY);
    const sealed = await prisma.providerConfig.findMany({ where: { projectId: project.projectId, secretEncrypted: { not: null } }, select: { secretEncrypted: true } });
    if (sealed.some((p) => decryptSecret(p.secretEncrypted!, key) === value)) return null;
  }
  return `${status}, but it wrote ${written.join(", ")} and none of those rows holds the value exactly`;
}
