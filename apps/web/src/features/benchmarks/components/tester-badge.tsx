"use client";

import { useT } from "@/i18n/i18n-provider";
import { useBenchmarks } from "../hooks/use-benchmarks";

/** The latest benchmark in the explorer's pipeline list, once there is one (for side-bar STAGE_BADGES). */
export function TesterBadge({ projectId }: { projectId: string }) {
  const t = useT();
  const latest = useBenchmarks(projectId).data?.[0];
  if (!latest) return null;
  return <span className="text-[10px] text-muted tabular-nums">{t(latest.frozenAt ? "benchmarks.badgeFrozen" : "benchmarks.badge", { number: String(latest.number) })}</span>;
}
