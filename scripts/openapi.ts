#!/usr/bin/env -S npx tsx --tsconfig apps/web/tsconfig.json
// The OpenAPI 3.1 description of /api/v1, generated from the routes themselves: every route file
// under apps/web/app/api/v1 is imported, and each handler made by route() carries its key and zod
// input schema (query parameters for GET, a JSON body otherwise). Access comes from ROUTE_ACCESS,
// summaries from each file's header comment, response shapes from openapi-responses.ts.
//
//   npx tsx --tsconfig apps/web/tsconfig.json scripts/openapi.ts          # writes apps/web/src/generated/openapi.json
//   npx tsx --tsconfig apps/web/tsconfig.json scripts/openapi.ts --check  # exit 1 if that file is stale
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROUTE_ACCESS, type TRouteAccess } from "@proda/core";
import { z } from "zod";
import { typeExpressionsToSchemas } from "./openapi-types.ts";
import { MULTIPART, NON_JSON, RESPONSE_TYPES } from "./openapi-responses.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
export const API_DIR = path.join(ROOT, "apps/web/app/api/v1");
export const OUTPUT = path.join(ROOT, "apps/web/src/generated/openapi.json");
const API_TYPES = path.join(ROOT, "apps/web/src/lib/api-types.ts");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type TSchema = Record<string, unknown>;
interface TRouteModuleHandler {
  routeKey: string;
  access: TRouteAccess;
  input?: z.ZodType;
}

export function routeFiles(dir = API_DIR): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return routeFiles(full);
      return name === "route.ts" ? [full] : [];
    });
}

/** Stage tags, in the order of the loop; the docs page lists them in this order. */
export const TAGS: { name: string; description: string; match: RegExp }[] = [
  { name: "Auth", description: "Sign-in, the current user and API tokens.", match: /^\/(auth|tokens)\b/ },
  { name: "Projects", description: "Projects, members, providers, jobs of a project, audit log.", match: /^\/projects(\/\[projectId\](\/(members|providers|jobs|stats|audit)\b.*)?)?$/ },
  { name: "Corpus", description: "Upload, processing funnel and settings.", match: /\/corpus\// },
  { name: "Knowledge", description: "Extraction runs and the knowledge graph (L1 concepts, L2 relations, L3 chains).", match: /\/knowledge\// },
  { name: "Benchmarks", description: "The Tester: benchmarks, items, review, freeze, export.", match: /\/benchmarks\b/ },
  { name: "Datasets", description: "The Builder: dataset versions, samples, contamination guard, freeze, export.", match: /\/datasets\b/ },
  { name: "Training", description: "Trainer backends and training runs.", match: /\/training-(runs|backends)\b/ },
  { name: "Models", description: "Registered models and chat.", match: /\/models\b/ },
  { name: "Evaluations", description: "Evaluations, per-item results, compare, export.", match: /\/evaluations\b(?!.*\/diagnose)/ },
  { name: "Debugger", description: "Diagnoses, patches, lineage, external scores.", match: /\/(diagnosis-runs|debugger|lineage|external-|evaluations\/\[evaluationId\]\/diagnose)/ },
  { name: "Loop", description: "The whole offline loop in one run.", match: /\/loops\b/ },
  { name: "Jobs", description: "Job status and progress (SSE).", match: /^\/jobs\b/ },
  { name: "Operations", description: "Health, metrics and this document.", match: /^\/(health|metrics|openapi\.json)$/ },
];

export function tagOf(routePath: string): string {
  const tag = TAGS.find((t) => t.match.test(routePath));
  if (!tag) throw new Error(`No OpenAPI tag matches ${routePath}: add one to TAGS in scripts/openapi.ts`);
  return tag.name;
}

/** "/projects/[projectId]/jobs" → "/api/v1/projects/{projectId}/jobs". */
export const openApiPath = (routePath: string) => `/api/v1${routePath.replace(/\[(\w+)\]/g, "{$1}")}`;

function operationId(method: string, routePath: string): string {
  const words = routePath.replace(/\[(\w+)\]/g, "by-$1").split(/[^A-Za-z0-9]+/).filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join("");
}

/** The "// METHOD /api/v1/… — text" header lines of a route file, by method (continuations joined). */
export function headerSummaries(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  let current: string | null = null;
  for (const line of source.split("\n")) {
    if (!line.startsWith("//")) break;
    const m = line.match(/^\/\/ (GET|POST|PUT|PATCH|DELETE) \S+ — (.*)$/);
    if (m) {
      current = m[1]!;
      out[current] = m[2]!.trim();
    } else if (current && /^\/\/\s{2,}/.test(line)) {
      out[current] += ` ${line.replace(/^\/\/\s+/, "").trim()}`;
    } else current = null;
  }
  return out;
}

/** The success status of a handler, read from its source: json(x, 201) / noContent() / else 200. */
export function successStatus(source: string, method: string): string {
  const start = source.indexOf(`export const ${method} = route(`);
  if (start < 0) return "200";
  const next = source.indexOf("export const ", start + 1);
  const body = source.slice(start, next < 0 ? undefined : next);
  if (/noContent\(\)/.test(body)) return "204";
  const m = body.match(/,\s*(20[12])\)\s*;?\s*$/m) ?? body.match(/json\([^;]*,\s*(20[12])\)/);
  return m ? m[1]! : "200";
}

/** zod → JSON Schema (2020-12, the dialect of OpenAPI 3.1), as the client sends it (io: input). */
export function inputSchema(schema: z.ZodType, where: string): TSchema {
  let json: TSchema;
  try {
    json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as TSchema;
  } catch (error) {
    throw new Error(`${where}: cannot convert its input schema (${(error as Error).message})`);
  }
  delete json.$schema;
  if (json.$defs) throw new Error(`${where}: recursive input schemas are not supported by the generator`);
  return json;
}

function queryParameters(schema: TSchema): TSchema[] {
  const props = (schema.properties ?? {}) as Record<string, TSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: "query", required: required.has(name), schema: rest, ...(description ? { description } : {}) };
  });
}

const errorRef = { $ref: "#/components/responses/Error" };

function security(access: TRouteAccess, key: string): TSchema[] | undefined {
  if (key === "GET /metrics") return [{ bearer: [] }, { session: [] }];
  return access.kind === "public" ? [] : undefined; // undefined: the document-wide default
}

function accessNote(access: TRouteAccess, key: string): string {
  if (key === "GET /metrics") return "Access: Bearer `PRODA_METRICS_TOKEN`, or the owner of any project.";
  switch (access.kind) {
    case "public": return "Access: public.";
    case "user": return "Access: any signed-in user (acts on their own things).";
    case "project": return `Access: project members whose role has \`${access.permission}\` (others: 403; non-members: 404).`;
    case "job": return `Access: members of the job's project whose role has \`${access.permission}\`.`;
  }
}

export async function buildOpenApi(): Promise<TSchema> {
  const operations: { key: string; method: string; routePath: string; op: TSchema }[] = [];
  const responseKeys = Object.keys(RESPONSE_TYPES).sort();
  const types = typeExpressionsToSchemas(API_TYPES, responseKeys.map((k) => RESPONSE_TYPES[k]!));
  const responseSchemas = new Map(responseKeys.map((k, i) => [k, types.results[i]!]));

  for (const file of routeFiles()) {
    const source = readFileSync(file, "utf8");
    const summaries = headerSummaries(source);
    const mod = (await import(pathToFileURL(file).href)) as Record<string, TRouteModuleHandler | undefined>;
    for (const method of METHODS) {
      const handler = mod[method];
      if (!handler) continue;
      if (!handler.routeKey) throw new Error(`${path.relative(ROOT, file)}: ${method} is not made by route()`);
      const key = handler.routeKey;
      const routePath = key.slice(key.indexOf(" ") + 1);
      const params = [...routePath.matchAll(/\[(\w+)\]/g)].map((m) => ({ name: m[1]!, in: "path", required: true, schema: { type: "string" } }));
      const description = summaries[method] ?? "";
      const op: TSchema = {
        operationId: operationId(method, routePath),
        tags: [tagOf(routePath)],
        summary: description.split(/(?<=[.;)])\s|\s—\s/)[0]!.slice(0, 120),
        description: [description, accessNote(handler.access, key)].filter(Boolean).join("\n\n"),
      };
      const sec = security(handler.access, key);
      if (sec) op.security = sec;
      const parameters: TSchema[] = [...params];
      const multipart = MULTIPART[key];
      if (handler.input) {
        const schema = inputSchema(handler.input, key);
        if (method === "GET") parameters.push(...queryParameters(schema));
        else op.requestBody = { required: true, content: { "application/json": { schema } } };
      }
      if (multipart) {
        parameters.push(...queryParameters({ properties: multipart.query ?? {} }));
        op.requestBody = {
          required: true,
          content: {
            "multipart/form-data": { schema: { type: "object", properties: multipart.properties, required: multipart.required } },
            ...(multipart.json ? { "application/json": { schema: multipart.json } } : {}),
          },
        };
      }
      if (parameters.length) op.parameters = parameters;
      const status = successStatus(source, method);
      const other = NON_JSON[key];
      const schema = responseSchemas.get(key);
      op.responses = {
        [status]: status === "204"
          ? { description: "Done; no body." }
          : other
            ? { description: other.description, content: { [other.type]: { schema: { type: "string", ...(other.format ? { contentMediaType: "application/octet-stream" } : {}) } } } }
            : { description: schema ? "OK" : "OK: a JSON object (shape: apps/web/src/lib/api-types.ts).", content: { "application/json": { schema: schema ?? { type: "object" } } } },
        default: errorRef,
      };
      operations.push({ key, method, routePath, op });
    }
  }

  const paths: Record<string, Record<string, TSchema>> = {};
  for (const { method, routePath, op } of operations.sort((a, b) => a.routePath.localeCompare(b.routePath) || a.method.localeCompare(b.method))) {
    (paths[openApiPath(routePath)] ??= {})[method.toLowerCase()] = op;
  }
  const version = (JSON.parse(readFileSync(path.join(ROOT, "apps/web/package.json"), "utf8")) as { version: string }).version;
  return {
    openapi: "3.1.0",
    info: {
      title: "ProDa Studio API",
      version,
      description: "The REST API of ProDa Studio: corpus → knowledge → benchmark and datasets → training → evaluation → diagnosis → patch. Authenticate with an API token (`Authorization: Bearer proda_…`, created under Settings → API tokens) or a browser session. Long-running stages answer 202 with a job to follow (GET /api/v1/jobs/{jobId} or its SSE stream). Errors are `{ error: { code, message, details? } }`. Generated by scripts/openapi.ts from the route handlers' zod schemas.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    tags: TAGS.map(({ name, description }) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "proda_<secret>", description: "An API token (Settings → API tokens), for scripts and the `proda` CLI." },
        session: { type: "apiKey", in: "cookie", name: "proda_session", description: "The browser session. Mutations also need the `x-csrf-token` header matching the `proda_csrf` cookie." },
      },
      responses: {
        Error: {
          description: "An error: 400 validation_failed/bad_request, 401 unauthenticated, 403 forbidden/csrf_failed, 404 not_found, 409 conflict, 413 payload_too_large, 429 rate_limited, 503 service_unavailable.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" }, details: {} } } },
        },
        ...types.schemas,
      },
    },
  };
}

export const serialise = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

async function main() {
  const text = serialise(await buildOpenApi());
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(OUTPUT, "utf8");
    } catch { /* missing counts as stale */ }
    if (current !== text) {
      console.error(`${path.relative(ROOT, OUTPUT)} is out of date: run npx tsx --tsconfig apps/web/tsconfig.json scripts/openapi.ts`);
      process.exit(1);
    }
    console.log(`${path.relative(ROOT, OUTPUT)} is up to date`);
    return;
  }
  mkdirSync(path.dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, text);
  console.log(`wrote ${path.relative(ROOT, OUTPUT)} (${Object.keys(JSON.parse(text).paths).length} paths)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(() => process.exit(0), (error) => {
    console.error(error);
    process.exit(1);
  });
}
