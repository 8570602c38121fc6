// The bad-payload generator (fixtures/bad-payloads.ts) on schemas shaped like the routes' ones: every
// "violation" is one the zod schema itself refuses (so the sweep in bad-input.int.test.ts tests
// what it claims), every field is covered, valid samples pass, and hostile cases change one field.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { deepJunk, hostileCases, toJsonSchema, validSamples, violations, type TMode } from "./fixtures/bad-payloads.ts";
import { HOSTILE_STRINGS, malformedBodies } from "./fixtures/hostile-values.ts";

const ZBody = z.object({
  name: z.string().trim().min(1).max(10),
  count: z.number().int().min(0).max(5),
  ratio: z.number().min(0).max(1).optional(),
  kind: z.enum(["a", "b"]),
  flag: z.boolean().default(false),
  tags: z.array(z.string().min(1).max(3)).max(2).optional(),
  nested: z.object({ code: z.string().regex(/^[a-z]+$/), email: z.email().optional() }),
  link: z.url().nullable().optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
  strict: z.strictObject({ a: z.string() }).optional(),
  seed: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).default(0),
});
const ZRootUnion = z.union([z.array(z.object({ x: z.number() })).min(1), z.object({ items: z.array(z.object({ x: z.number() })).min(1) })]);
const ZActions = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept"), note: z.string().max(20).optional() }),
  z.object({ action: z.literal("relabel"), label: z.enum(["x", "y"]) }),
]);
const ZEither = z.object({ a: z.string().min(1).optional(), b: z.string().min(1).optional() }).refine((v) => v.a || v.b, "Give a or b");
const ZLastIsUser = z.object({ messages: z.array(z.object({ role: z.enum(["system", "user"]), content: z.string().min(1) })).min(1).refine((m) => m.at(-1)?.role === "user") });
const ZQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  q: z.string().min(1).max(5).optional(),
  mode: z.enum(["x", "y"]).optional(),
  id: z.string().min(1).max(64),
});

const SCHEMAS: [string, z.ZodType, TMode][] = [
  ["object", ZBody, "body"],
  ["root union", ZRootUnion, "body"],
  ["discriminated union", ZActions, "body"],
  ["refined object", ZEither, "body"],
  ["refined array", ZLastIsUser, "body"],
  ["query", ZQuery, "query"],
];
const accept = (schema: z.ZodType) => (body: unknown) => schema.safeParse(body).success;

describe("bad payloads generated from a schema", () => {
  for (const [label, schema, mode] of SCHEMAS) {
    it(`${label}: every violation is refused by the schema itself`, () => {
      const cases = violations(toJsonSchema(schema), { mode, accept: accept(schema) });
      expect(cases.length).toBeGreaterThan(3);
      expect(cases.filter((c) => schema.safeParse(c.body).success).map((c) => c.name)).toEqual([]);
    });

    it(`${label}: the valid samples pass, refinements included`, () => {
      for (const sample of validSamples(toJsonSchema(schema), { mode, accept: accept(schema) })) expect(schema.safeParse(sample).success).toBe(true);
    });
  }

  it("breaks each field of an object every way its type allows", () => {
    const names = violations(toJsonSchema(ZBody)).map((c) => c.name);
    for (const field of Object.keys(ZBody.shape)) expect(names.some((n) => n.startsWith(`${field}:`)), field).toBe(true);
    const expected = [
      "(root): a JSON array", "(root): a JSON null", "(root): a JSON string", "(root): nested arrays 1,000 deep",
      "name: missing", "count: missing", "kind: missing", "nested: missing", "nested.code: missing",
      "name: a number instead of string", "name: a null instead of string", "count: a string instead of integer", "flag: a string instead of boolean",
      "tags: a object instead of array", "nested: a array instead of object", "tags.0: a number instead of string", "count: nested arrays 1,000 deep",
      "name: over maxLength 10", "name: under minLength 1", "count: below minimum", "count: above maximum", "count: not an integer",
      "ratio: above maximum", "kind: not in the enum", "nested.code: not matching the pattern", "nested.email: not an email", "link: not a URL",
      "tags: over maxItems 2", "tags.0: over maxLength 3", "strict: unknown property", "strict.a: missing", "seed: not an integer",
    ];
    expect(expected.filter((n) => !names.includes(n))).toEqual([]);
    // A nullable field takes null, and a free-form one any type: neither is a violation.
    expect(names).not.toContain("link: a null instead of string|null");
    expect(names.filter((n) => n.startsWith("extra.") || n === "extra: a object instead of object")).toEqual([]);
  });

  it("covers every branch of a union", () => {
    const names = violations(toJsonSchema(ZActions)).map((c) => c.name);
    expect(names).toContain("action: missing [variant 1]");
    expect(names).toContain("label: missing [variant 2]");
    expect(names).toContain("label: not in the enum [variant 2]");
    expect(violations(toJsonSchema(ZRootUnion)).map((c) => c.name)).toContain("(root)[0]: nested arrays 1,000 deep");
  });

  it("sends a query string as text: numbers that are not, out of range, fractions, long text", () => {
    const cases = violations(toJsonSchema(ZQuery), { mode: "query" });
    for (const c of cases) for (const v of Object.values(c.body as object)) expect(typeof v).toBe("string");
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(["id: missing", "limit: not a number", "limit: above maximum", "limit: not an integer", "q: over maxLength 5", "mode: not in the enum"]));
  });

  it("puts hostile strings in every free-text field of a valid sample, one field at a time", () => {
    const json = toJsonSchema(ZBody);
    const [base] = validSamples(json) as Record<string, unknown>[];
    const cases = hostileCases(json);
    const fields = new Set(cases.map((c) => c.path.join(".")));
    expect([...fields].sort()).toEqual(["link", "name", "nested.code", "nested.email", "strict.a", "tags.0"]);
    for (const field of fields) {
      const values = cases.filter((c) => c.path.join(".") === field).map((c) => c.value);
      expect(values).toEqual(expect.arrayContaining(["nul\u0000byte", "lone\ud800surrogate"]));
    }
    for (const c of cases) {
      const at = c.path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], c.body);
      expect(at).toBe(c.value);
      const others = (o: object) => JSON.stringify({ ...o, [c.path[0]!]: undefined });
      expect(others(c.body as object)).toBe(others(base!));
    }
    // Over the fields, every hostile string is used.
    expect(new Set(hostileCases(toJsonSchema(ZBody), { perField: 3 }).map((c) => c.value)).size).toBe(2 + Math.min(HOSTILE_STRINGS.length - 2, 3 * fields.size));
  });

  it("makes bodies that are not one sane JSON document", () => {
    const bodies = malformedBodies(100);
    for (const b of bodies.filter((b) => b.name !== "over the size limit" && !b.name.startsWith("nested"))) expect(() => JSON.parse(b.text), b.name).toThrow();
    expect(bodies.find((b) => b.name === "over the size limit")!.text.length).toBeGreaterThan(100);
    let depth = 0;
    for (let v = deepJunk(50); Array.isArray(v); v = v[0]) depth++;
    expect(depth).toBe(51);
  });
});
