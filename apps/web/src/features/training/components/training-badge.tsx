"use client";

import { useT } from "@/i18n/i18n-provider";
import { useTrainingRuns } from "../hooks/use-training-runs";
import { runStatusLabel } from "../lib/labels";

/** The latest run in the explorer's pipeline list, once there is one (for side-bar STAGE_BADGES). */
export function TrainingBadge({ projectId }: { projectId: string }) {
  const t = useT();
  const latest = useTrainingRuns(projectId).data?.pages[0]?.runs[0];
  if (!latest) return null;
  return <span className="text-[10px] text-muted tabular-nums">{t("training.badge", { number: latest.number, status: runStatusLabel(latest.status, t) })}</span>;
}
