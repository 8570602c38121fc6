// POST /api/v1/projects/:projectId/corpus/process — parses, chunks, filters and deduplicates every
// document not processed yet; returns the job to follow (its children are the parse batches).
import { getPrisma } from "@proda/db";
import { startCorpusProcessing } from "@proda/jobs";
import { audit } from "@proda/pipeline";
import { toJobDto } from "@/server/dto";
import { json } from "@/server/http";
import { route } from "@/server/route";

export const POST = route("POST /projects/[projectId]/corpus/process", {}, async ({ projectId, user }) => {
  const job = await startCorpusProcessing(getPrisma(), projectId, user!.id);
  await audit({ actorId: user!.id, projectId, action: "corpus.process", targetType: "job", targetId: job.id });
  return json({ job: toJobDto(job) }, 202);
});
