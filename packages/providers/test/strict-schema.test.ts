import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildExtractionSchema, toStrictJsonSchema } from "../src/index.ts";

const ALLOWED = new Set(["type", "properties", "required", "additionalProperties", "items", "enum", "const", "anyOf", "description", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "$defs", "$ref"]);

/** Walks a JSON Schema and returns every rule of OpenAI's strict mode it breaks. */
function strictViolations(node: unknown, path = "$"): string[] {
  if (!node || typeof node !== "object") return [];
  if (Array.isArray(node)) return node.flatMap((n, i) => strictViolations(n, `${path}[${i}]`));
  const schema = node as Record<string, unknown>;
  const out = Object.keys(schema).filter((k) => !ALLOWED.has(k)).map((k) => `${path}: keyword ${k}`);
  if (schema.type === "object") {
    const keys = Object.keys((schema.properties as object) ?? {});
    if (schema.additionalProperties !== false) out.push(`${path}: additionalProperties`);
    if (JSON.stringify([...((schema.required as string[]) ?? [])].sort()) !== JSON.stringify([...keys].sort())) out.push(`${path}: required`);
    for (const key of keys) out.push(...strictViolations((schema.properties as Record<string, unknown>)[key], `${path}.${key}`));
  }
  for (const key of ["items", "anyOf", "$defs"]) if (schema[key]) out.push(...strictViolations(schema[key], `${path}.${key}`));
  return out;
}

describe("toStrictJsonSchema", () => {
  it("makes every property required, forbids extras and drops unsupported keywords", () => {
    const schema = toStrictJsonSchema(z.object({ name: z.string().min(1).max(5), tags: z.array(z.string()).default([]), note: z.string().nullable().default(null) }));
    expect(schema).toEqual({
      type: "object",
      properties: { name: { type: "string" }, tags: { type: "array", items: { type: "string" } }, note: { type: ["string", "null"] } },
      required: ["name", "tags", "note"],
      additionalProperties: false,
    });
  });

  it("gives an extraction schema that strict mode accepts, with the added relation types in the enum", () => {
    const { jsonSchema, vocabulary } = buildExtractionSchema(["inhibits", "Bad Name!", "causes"]);
    expect(strictViolations(jsonSchema)).toEqual([]);
    expect(vocabulary).toContain("inhibits");
    expect(vocabulary.filter((t) => t === "causes")).toHaveLength(1);
    expect(vocabulary).not.toContain("Bad Name!");
    expect(vocabulary.at(-1)).toBe("other");
    expect(JSON.stringify(jsonSchema)).toContain('"inhibits"');
  });

  it("returns the same schema object for the same vocabulary (stable cache keys)", () => {
    expect(buildExtractionSchema(["b_type", "a_type"])).toBe(buildExtractionSchema(["a_type", "b_type"]));
  });
});
