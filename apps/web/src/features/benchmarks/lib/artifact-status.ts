// Statuses shared by benchmarks and dataset versions (TArtifactStatus): badge tones, which one a
// stage shows by default, and what may be done with it. Pure; covered by test/benchmarks-ui-lib.test.ts.
import type { TTone } from "@/components/ui/badge";
import type { TArtifactStatus } from "@/lib/api-types";

export const ARTIFACT_TONE: Record<TArtifactStatus, TTone> = {
  building: "info",
  ready: "success",
  frozen: "accent",
  failed: "danger",
  cancelled: "warning",
};

export function isBuilding(artifact: { status: TArtifactStatus }): boolean {
  return artifact.status === "building";
}

/** Ready or frozen: its content can be read, exported and compared. */
export function isUsable(artifact: { status: TArtifactStatus }): boolean {
  return artifact.status === "ready" || artifact.status === "frozen";
}

/**
 * The artifact shown when none is chosen (lists come newest first): the newest usable one, else the
 * newest of any status, so a failed first run still shows its error.
 */
export function defaultArtifact<T extends { status: TArtifactStatus }>(list: readonly T[]): T | null {
  return list.find(isUsable) ?? list[0] ?? null;
}

/** The URL's choice if it is in the list, else the default. */
export function chooseArtifact<T extends { id: string; status: TArtifactStatus }>(list: readonly T[], wanted: string | null): T | null {
  return (wanted ? list.find((a) => a.id === wanted) : undefined) ?? defaultArtifact(list);
}
