// A diagnosis run is planned from, reviewed or patched only once every failure has its diagnosis.
import { AppError } from "@proda/core";
import type { DiagnosisRun } from "@proda/db";

export function assertReady(run: DiagnosisRun): void {
  if (run.status !== "ready") throw new AppError("conflict", `The diagnosis run is ${run.status}; wait until it is ready.`, { runId: run.id });
}
