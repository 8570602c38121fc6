// The docs page's model of the OpenAPI document: grouping by tag, type labels and filtering — over
// the committed document itself, so the page is checked against what it will really show.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filterGroups, groupOperations, schemaLabel, type TOpenApiDoc } from "../src/features/api-docs/lib/openapi-model";

const doc = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../src/generated/openapi.json"), "utf8")) as TOpenApiDoc;

describe("api docs model", () => {
  it("groups every operation under its tag, in the document's tag order", () => {
    const groups = groupOperations(doc);
    expect(groups.map((g) => g.name)).toEqual(doc.tags!.map((t) => t.name).filter((n) => groups.some((g) => g.name === n)));
    const count = Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    expect(groups.reduce((n, g) => n + g.operations.length, 0)).toBe(count);
    const training = groups.find((g) => g.name === "Training")!.operations.find((o) => o.method === "POST" && o.path.endsWith("/training-runs"))!;
    expect(training.parameters).toEqual([{ name: "projectId", in: "path", required: true, type: "string", description: "" }]);
    expect(training.body[0]!.contentType).toBe("application/json");
    expect(training.responses[0]).toMatchObject({ status: "202", type: "{ run: TTrainingRunDto }" });
    expect(groups.find((g) => g.name === "Operations")!.operations.find((o) => o.path === "/api/v1/health")!.isPublic).toBe(true);
  });

  it("labels schemas in one line", () => {
    expect(schemaLabel({ $ref: "#/components/schemas/TJobDto" })).toBe("TJobDto");
    expect(schemaLabel({ type: ["null", "string"] })).toBe("null | string");
    expect(schemaLabel({ type: "array", items: { $ref: "#/x/TProjectDto" } })).toBe("TProjectDto[]");
    expect(schemaLabel({ type: "string", enum: ["a", "b"] })).toBe('"a" | "b"');
    expect(schemaLabel({ type: "object", properties: { a: { type: "integer" }, b: { type: "string" } }, required: ["a"] })).toBe("{ a: integer; b?: string }");
    expect(schemaLabel({ type: "object", additionalProperties: { type: "number" } })).toBe("Record<string, number>");
    expect(schemaLabel(undefined)).toBe("—");
  });

  it("filters by every word of the query", () => {
    const groups = groupOperations(doc);
    const hits = filterGroups(groups, "post freeze");
    expect(hits.flatMap((g) => g.operations.map((o) => o.path)).sort()).toEqual([
      "/api/v1/projects/{projectId}/benchmarks/{benchmarkId}/freeze",
      "/api/v1/projects/{projectId}/datasets/{datasetId}/freeze",
    ]);
    expect(filterGroups(groups, "")).toBe(groups);
    expect(filterGroups(groups, "no-such-thing")).toEqual([]);
  });
});
