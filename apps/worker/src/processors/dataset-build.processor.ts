// dataset.build: the Builder over a dataset version's recipe (replaces any partial write of an
// earlier attempt); the version becomes ready with its content hash, coverage and stats.
import type { TJobPayload } from "@proda/jobs";
import { buildDatasetVersion } from "../builder/build-version.ts";
import type { JobContext } from "../job-context.ts";

export async function buildDataset(ctx: JobContext<TJobPayload<"dataset.build">>) {
  return buildDatasetVersion(ctx.prisma, ctx.payload.datasetVersionId, ctx.progress);
}
