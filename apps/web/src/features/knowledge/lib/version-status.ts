import type { TTone } from "@/components/ui/badge";
import type { TKnowledgeVersionDto, TKnowledgeVersionStatus } from "@/lib/api-types";

export const VERSION_TONE: Record<TKnowledgeVersionStatus, TTone> = {
  extracting: "info",
  canonicalising: "info",
  ready: "success",
  failed: "danger",
  cancelled: "warning",
};

export function isBuilding(version: Pick<TKnowledgeVersionDto, "status">): boolean {
  return version.status === "extracting" || version.status === "canonicalising";
}

/** The version shown when none is chosen: the newest ready one (versions come newest first). */
export function defaultVersion<T extends Pick<TKnowledgeVersionDto, "status">>(versions: readonly T[]): T | null {
  return versions.find((v) => v.status === "ready") ?? null;
}

/** 0..1 of the chunks extracted, or null before the total is known. */
export function extractionProgress(version: Pick<TKnowledgeVersionDto, "chunksDone" | "chunksTotal" | "status">): number | null {
  if (version.status === "ready") return 1;
  if (version.chunksTotal <= 0) return null;
  return Math.min(1, version.chunksDone / version.chunksTotal);
}
