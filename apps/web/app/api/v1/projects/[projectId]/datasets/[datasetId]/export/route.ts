// GET /api/v1/projects/:projectId/datasets/:datasetId/export?format=sharegpt|alpaca|openai|llama_factory — the
// version as a download, streamed; LLaMA-Factory (data file + dataset_info.json) comes as a zip.
import { getPrisma } from "@proda/db";
import { DATASET_EXPORT_FORMATS } from "@proda/engine";
import { assertBuilt, findDataset } from "@proda/pipeline";
import { z } from "zod";
import { EXPORT_CONTENT_TYPES, exportDatasetVersion, toReadableStream } from "@/server/datasets/export-dataset";
import { route } from "@/server/route";

const ZQuery = z.object({ format: z.enum(DATASET_EXPORT_FORMATS).default("sharegpt") });

export const GET = route("GET /projects/[projectId]/datasets/[datasetId]/export", { input: ZQuery }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  const version = await findDataset(prisma, projectId, params.datasetId);
  assertBuilt(version);
  const { filename, body } = exportDatasetVersion(prisma, version, input.format);
  const type = EXPORT_CONTENT_TYPES[input.format];
  return new Response(toReadableStream(body), {
    headers: { "content-type": type === "application/zip" ? type : `${type}; charset=utf-8`, "content-disposition": `attachment; filename="${filename}"` },
  });
});
