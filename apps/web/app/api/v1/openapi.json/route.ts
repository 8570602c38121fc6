// GET /api/v1/openapi.json — the OpenAPI 3.1 description of this API, generated from the route
// handlers' zod schemas by scripts/openapi.ts (a test fails when the committed file is stale).
import openapi from "@/generated/openapi.json";
import { route } from "@/server/route";

export const GET = route("GET /openapi.json", {}, async () =>
  Response.json(openapi, { headers: { "cache-control": "public, max-age=300" } }),
);
