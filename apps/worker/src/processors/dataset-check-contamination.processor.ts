// dataset.checkContamination: the guard over a dataset version against the report's benchmarks;
// stores the verdict and freezes the version when asked to and the verdict lets it through.
import type { TJobPayload } from "@proda/jobs";
import { checkDatasetVersion } from "../builder/check-version.ts";
import type { JobContext } from "../job-context.ts";

export async function checkContamination(ctx: JobContext<TJobPayload<"dataset.checkContamination">>) {
  return checkDatasetVersion(ctx.prisma, ctx.payload.reportId, ctx.progress);
}
