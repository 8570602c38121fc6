// The OpenAPI 3.1 document: regenerated from the route handlers it must equal the committed
// apps/web/src/generated/openapi.json, it validates against the official 3.1 schema, it has one
// operation per ROUTE_ACCESS key (and no other), its bodies are the routes' own zod schemas, and
// every $ref resolves.
import { readFileSync } from "node:fs";
import { ROUTE_ACCESS } from "@proda/core";
import { Validator } from "@seriousme/openapi-schema-validator";
import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOpenApi, headerSummaries, OUTPUT, openApiPath, serialise, successStatus, tagOf } from "../../../scripts/openapi.ts";
import * as trainingRuns from "../app/api/v1/projects/[projectId]/training-runs/route.ts";
import * as openapiRoute from "../app/api/v1/openapi.json/route.ts";

type TDoc = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, unknown> } }; // eslint-disable-line @typescript-eslint/no-explicit-any
let doc: TDoc;

beforeAll(async () => {
  doc = (await buildOpenApi()) as unknown as TDoc;
}, 120_000);

describe("OpenAPI document", () => {
  it("is committed up to date (regenerate: npx tsx --tsconfig apps/web/tsconfig.json scripts/openapi.ts)", () => {
    expect(readFileSync(OUTPUT, "utf8") === serialise(doc), "apps/web/src/generated/openapi.json is stale").toBe(true);
  });

  it("validates as OpenAPI 3.1", async () => {
    const result = await new Validator().validate(JSON.parse(serialise(doc)));
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    expect((doc as unknown as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("has exactly one operation per key of ROUTE_ACCESS", () => {
    const operations = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    const expected = Object.keys(ROUTE_ACCESS).map((key) => {
      const [method, path] = key.split(" ");
      return `${method} ${openApiPath(path!)}`;
    });
    expect(operations.sort()).toEqual(expected.sort());
  });

  it("describes request bodies and query parameters with the routes' own zod schemas", () => {
    const post = doc.paths["/api/v1/projects/{projectId}/training-runs"]!.post;
    const fromZod = z.toJSONSchema(trainingRuns.POST.input!, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    delete fromZod.$schema;
    expect(post.requestBody.content["application/json"].schema).toEqual(fromZod);
    expect(post.requestBody.content["application/json"].schema.required).toEqual(["datasetVersionId", "backend"]);
    expect(post.responses["202"].content["application/json"].schema.properties.run).toEqual({ $ref: "#/components/schemas/TTrainingRunDto" });
    expect(post.tags).toEqual(["Training"]);

    const list = doc.paths["/api/v1/projects/{projectId}/corpus/documents"]!;
    expect(list.get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(
      ["path:projectId", "query:cursor", "query:limit", "query:discipline", "query:status", "query:q"],
    );
    expect(Object.keys(list.post.requestBody.content)).toEqual(["multipart/form-data"]);
    expect(list.post.responses["201"]).toBeDefined();
  });

  it("marks public routes as needing no credentials and documents errors and downloads", () => {
    expect(doc.paths["/api/v1/health"]!.get.security).toEqual([]);
    expect(doc.paths["/api/v1/openapi.json"]!.get.security).toEqual([]);
    expect(doc.paths["/api/v1/projects"]!.get.security).toBeUndefined(); // the document default: bearer or session
    expect(doc.paths["/api/v1/metrics"]!.get.responses["200"].content["text/plain"]).toBeDefined();
    expect(Object.keys(doc.paths["/api/v1/jobs/{jobId}/events"]!.get.responses["200"].content)).toEqual(["text/event-stream"]);
    for (const methods of Object.values(doc.paths)) for (const op of Object.values(methods)) expect(op.responses.default).toEqual({ $ref: "#/components/responses/Error" });
  });

  it("resolves every $ref", () => {
    const refs = [...serialise(doc).matchAll(/"\$ref": "#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(50);
    for (const name of new Set(refs)) expect(doc.components.schemas, name).toHaveProperty([name]);
  });

  it("is served at GET /api/v1/openapi.json without credentials", async () => {
    const res = await openapiRoute.GET(new Request("http://localhost/api/v1/openapi.json"), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(readFileSync(OUTPUT, "utf8")));
  });
});

describe("generator helpers", () => {
  it("reads summaries from header comments, with continuation lines", () => {
    const source = "// GET /api/v1/x — lists things.\n// POST /api/v1/x — makes one ({ a,\n//   b }).\nimport x from 'y';\n// GET /api/v1/y — not a header\n";
    expect(headerSummaries(source)).toEqual({ GET: "lists things.", POST: "makes one ({ a, b })." });
  });

  it("reads the success status of each handler", () => {
    const source = 'export const GET = route("GET /x", {}, async () => ({ a: 1 }));\nexport const POST = route("POST /x", {}, async () => {\n  return json({ a }, 202);\n});\nexport const DELETE = route("DELETE /x", {}, async () => noContent());\n';
    expect(["GET", "POST", "DELETE", "PUT"].map((m) => successStatus(source, m))).toEqual(["200", "202", "204", "200"]);
  });

  it("tags routes by stage", () => {
    expect(tagOf("/projects/[projectId]/evaluations/[evaluationId]/diagnose")).toBe("Debugger");
    expect(tagOf("/projects/[projectId]/evaluations/compare")).toBe("Evaluations");
    expect(tagOf("/projects/[projectId]/members/[userId]")).toBe("Projects");
    expect(tagOf("/projects")).toBe("Projects");
    expect(tagOf("/jobs/[jobId]/events")).toBe("Jobs");
    expect(() => tagOf("/unknown")).toThrow(/No OpenAPI tag/);
  });
});
