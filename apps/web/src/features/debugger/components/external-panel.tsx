"use client";

import { can } from "@proda/core";
import { useBenchmarks } from "@/features/benchmarks/hooks/use-benchmarks";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { AlignmentTable } from "./alignment-table";
import { ExternalScores } from "./external-scores";
import { ExternalSetImport } from "./external-set-import";

/** The External tab: external multiple-choice sets (the general-capability guard), imported scores, and the ranking alignment. */
export function ExternalPanel() {
  const { projectId, role } = useWorkbench();
  const benchmarks = useBenchmarks(projectId);
  const list = benchmarks.data ?? [];
  const canManage = can(role, "external.manage");
  return (
    <div className="grid gap-3 xl:grid-cols-2" data-testid="debugger-external">
      <ExternalSetImport sets={list.filter((b) => b.source === "external")} canManage={canManage} />
      <AlignmentTable benchmarks={list.filter((b) => b.source !== "external" && b.status === "frozen")} />
      <ExternalScores canManage={canManage} />
    </div>
  );
}
