"use client";

import { useT } from "@/i18n/i18n-provider";
import { useDatasets } from "../hooks/use-datasets";

/** The latest dataset version in the explorer's pipeline list, once there is one (for side-bar STAGE_BADGES). */
export function BuilderBadge({ projectId }: { projectId: string }) {
  const t = useT();
  const latest = useDatasets(projectId).data?.[0];
  if (!latest) return null;
  return <span className="text-[10px] text-muted tabular-nums">{t(latest.frozenAt ? "datasets.badgeFrozen" : "datasets.badge", { number: String(latest.number) })}</span>;
}
