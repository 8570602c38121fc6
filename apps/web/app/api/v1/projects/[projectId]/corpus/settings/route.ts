// GET /api/v1/projects/:projectId/corpus/settings — chunking, quality and dedup settings in effect (defaults filled in).
// PUT /api/v1/projects/:projectId/corpus/settings — replaces them; applies to documents processed from then on.
import { getPrisma } from "@proda/db";
import { resolveCorpusSettings, ZCorpusSettings, type TCorpusSettings } from "@proda/engine";
import type { TCorpusSettingsDto } from "@/lib/api-types";
import { audit } from "@proda/pipeline";
import { webEnv } from "@/server/env";
import { route } from "@/server/route";

const toDto = (s: TCorpusSettings): TCorpusSettingsDto => ({
  chunkTokens: s.chunkTokens,
  overlapTokens: s.overlapTokens,
  dedupThreshold: s.dedupThreshold,
  quality: s.quality,
  maxUploadBytes: webEnv().PRODA_MAX_UPLOAD_BYTES,
});

export const GET = route("GET /projects/[projectId]/corpus/settings", {}, async ({ projectId }) => {
  const row = await getPrisma().corpusSettings.findUnique({ where: { projectId } });
  return { settings: toDto(resolveCorpusSettings(row)) };
});

export const PUT = route("PUT /projects/[projectId]/corpus/settings", { input: ZCorpusSettings }, async ({ projectId, user, input }) => {
  const data = { chunkTokens: input.chunkTokens, overlapTokens: input.overlapTokens, dedupThreshold: input.dedupThreshold, quality: input.quality };
  await getPrisma().corpusSettings.upsert({ where: { projectId }, create: { projectId, ...data }, update: data });
  await audit({ actorId: user!.id, projectId, action: "corpus.settings", targetType: "project", targetId: projectId, detail: data });
  return { settings: toDto(input) };
});
