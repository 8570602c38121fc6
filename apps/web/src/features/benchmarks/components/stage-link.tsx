"use client";

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { stageView, viewHref, type TStageId } from "@/features/workbench/lib/views";

/** A link to another pipeline stage that also opens its editor tab. */
export function StageLink({ stage, children, variant = "primary" }: { stage: TStageId; children: React.ReactNode; variant?: "primary" | "secondary" }) {
  const { projectId, addTab } = useWorkbench();
  return (
    <Link href={viewHref(projectId, stageView(stage))} onClick={() => addTab(stageView(stage))} className={buttonClass(variant)}>
      {children}
    </Link>
  );
}
