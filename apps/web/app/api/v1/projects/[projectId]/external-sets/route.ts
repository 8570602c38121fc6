// POST /api/v1/projects/:projectId/external-sets — imports an external multiple-choice set (JSONL: multipart field
// "file" with an optional "name", or JSON { name?, jsonl }) as a frozen benchmark of source "external". Every bad
// line is reported with its number (400) and nothing is stored.
import { getPrisma } from "@proda/db";
import { loadBenchmarkDtos } from "@/server/benchmarks/benchmark-dto";
import { importExternalSet } from "@/server/external/import-external-set";
import { readSetRequest } from "@/server/external/read-set-request";
import { json } from "@/server/http";
import { route } from "@/server/route";

export const POST = route("POST /projects/[projectId]/external-sets", {}, async ({ req, projectId, user }) => {
  const prisma = getPrisma();
  const benchmark = await importExternalSet(prisma, projectId, user!.id, await readSetRequest(req));
  const [dto] = await loadBenchmarkDtos(prisma, [benchmark]);
  return json({ benchmark: dto }, 201);
});
