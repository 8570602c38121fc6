// The OpenAPI document as the docs page shows it: operations grouped by tag (in the document's tag
// order), with short type labels for schemas. Pure, so it is tested without a browser.
export type TSchema = Record<string, unknown>;

export interface TOpenApiDoc {
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, TRawOperation>>;
  components?: { schemas?: Record<string, TSchema> };
}

interface TRawOperation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: TSchema }[];
  requestBody?: { content?: Record<string, { schema?: TSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: TSchema }> } | { $ref: string }>;
}

export interface TOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  isPublic: boolean;
  parameters: { name: string; in: string; required: boolean; type: string; description: string }[];
  body: { contentType: string; schema: TSchema }[];
  responses: { status: string; contentType: string | null; type: string; description: string }[];
}

export interface TTagGroup {
  name: string;
  description: string;
  operations: TOperation[];
}

const METHOD_ORDER = ["get", "post", "put", "patch", "delete"];

/** A one-line type for a schema: "TProjectDto[]", "string | null", "{ run: TTrainingRunDto }". */
export function schemaLabel(schema: TSchema | undefined, depth = 0): string {
  if (!schema) return "—";
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop()!;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if ("const" in schema) return JSON.stringify(schema.const);
  const union = (schema.anyOf ?? schema.oneOf) as TSchema[] | undefined;
  if (union) return union.map((s) => schemaLabel(s, depth)).join(" | ");
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (schema.type === "array") return `${schemaLabel(schema.items as TSchema, depth + 1)}[]`;
  if (schema.type === "object") {
    const props = Object.entries((schema.properties ?? {}) as Record<string, TSchema>);
    if (props.length === 0) return schema.additionalProperties ? `Record<string, ${schemaLabel(schema.additionalProperties as TSchema, depth + 1)}>` : "object";
    if (depth > 0) return "object";
    const required = new Set((schema.required ?? []) as string[]);
    const shown = props.slice(0, 4).map(([k, v]) => `${k}${required.has(k) ? "" : "?"}: ${schemaLabel(v, depth + 1)}`);
    return `{ ${shown.join("; ")}${props.length > 4 ? "; …" : ""} }`;
  }
  if (typeof schema.type === "string") return schema.type === "integer" ? "integer" : schema.type;
  return "any";
}

function toOperation(path: string, method: string, op: TRawOperation): TOperation {
  const responses = Object.entries(op.responses ?? {}).map(([status, r]) => {
    if ("$ref" in r) return { status, contentType: "application/json", type: r.$ref.split("/").pop()!, description: "" };
    const [contentType, media] = Object.entries(r.content ?? {})[0] ?? [null, undefined];
    return { status, contentType, type: media?.schema ? schemaLabel(media.schema) : "—", description: r.description ?? "" };
  });
  return {
    id: op.operationId ?? `${method}-${path}`,
    method: method.toUpperCase(),
    path,
    summary: op.summary ?? "",
    description: op.description ?? "",
    isPublic: Array.isArray(op.security) && op.security.length === 0,
    parameters: (op.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: !!p.required, type: schemaLabel(p.schema), description: p.description ?? "" })),
    body: Object.entries(op.requestBody?.content ?? {}).map(([contentType, media]) => ({ contentType, schema: media.schema ?? {} })),
    responses,
  };
}

export function groupOperations(doc: TOpenApiDoc): TTagGroup[] {
  const groups = new Map<string, TTagGroup>((doc.tags ?? []).map((t) => [t.name, { name: t.name, description: t.description ?? "", operations: [] }]));
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const method of Object.keys(methods).sort((a, b) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b))) {
      const op = methods[method]!;
      const tag = op.tags?.[0] ?? "Other";
      if (!groups.has(tag)) groups.set(tag, { name: tag, description: "", operations: [] });
      groups.get(tag)!.operations.push(toOperation(path, method, op));
    }
  }
  return [...groups.values()].filter((g) => g.operations.length > 0);
}

/** Operations whose path, method, summary or id contain every word of the query. */
export function filterGroups(groups: TTagGroup[], query: string): TTagGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return groups;
  return groups
    .map((g) => ({
      ...g,
      operations: g.operations.filter((op) => {
        const text = `${op.method} ${op.path} ${op.summary} ${op.id} ${g.name}`.toLowerCase();
        return words.every((w) => text.includes(w));
      }),
    }))
    .filter((g) => g.operations.length > 0);
}
