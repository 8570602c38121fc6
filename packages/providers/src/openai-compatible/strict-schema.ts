// A zod schema as a JSON Schema that OpenAI's strict structured outputs accept: every property
// required, no additional properties, and only the keywords strict mode supports (it answers 400
// to "default", "minLength", "maxLength", "$schema"…). vLLM and Ollama accept the same subset.
import { z } from "zod";

const KEPT_KEYWORDS = new Set([
  "type", "properties", "required", "additionalProperties", "items", "enum", "const", "anyOf",
  "description", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "$defs", "$ref",
]);

type TJson = Record<string, unknown>;

function sanitize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(sanitize);
  if (!node || typeof node !== "object") return node;
  const out: TJson = {};
  for (const [key, value] of Object.entries(node as TJson)) {
    if (!KEPT_KEYWORDS.has(key)) continue;
    // zod writes Number.MAX_SAFE_INTEGER as the maximum of .int(): noise for the model.
    if (key === "maximum" && value === Number.MAX_SAFE_INTEGER) continue;
    if (key === "properties" || key === "$defs") {
      out[key] = Object.fromEntries(Object.entries(value as TJson).map(([k, v]) => [k, sanitize(v)]));
    } else out[key] = sanitize(value);
  }
  if (out.type === "object" && out.properties) {
    out.required = Object.keys(out.properties as TJson);
    out.additionalProperties = false;
  }
  return out;
}

/** The output shape of `schema` (defaults applied, so defaulted fields are required) in strict form. */
export function toStrictJsonSchema(schema: z.ZodType): TJson {
  return sanitize(z.toJSONSchema(schema, { io: "output", unrepresentable: "any" })) as TJson;
}
