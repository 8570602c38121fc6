"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { stageView } from "@/features/workbench/lib/views";
import { useT } from "@/i18n/i18n-provider";
import { artifactTarget, stageHref } from "../lib/links";
import type { TArtifactType } from "../query-keys";
import { LineageGraph } from "./lineage-graph";

/**
 * "Lineage": opens the artifact graph of one artifact in a dialog; picking another artifact there
 * opens it in its own stage. Used by the Debugger, the Builder and the Evaluation views.
 */
export function LineageButton({ type, id, size = "md" }: { type: TArtifactType; id: string; size?: "sm" | "md" }) {
  const t = useT();
  const router = useRouter();
  const { projectId, addTab } = useWorkbench();
  const [open, setOpen] = useState(false);
  const openArtifact = (target: TArtifactType, targetId: string) => {
    const { stage, params } = artifactTarget(target, targetId);
    setOpen(false);
    addTab(stageView(stage));
    router.push(stageHref(projectId, stage, params));
  };
  return (
    <>
      <Button size={size} icon="relation" onClick={() => setOpen(true)} data-testid="lineage-open" data-artifact={type}>{t("debugger.lineage.open")}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("debugger.lineage.title")} description={t("debugger.lineage.description")} className="w-[min(64rem,calc(100vw-2rem))]">
        {open ? <LineageGraph type={type} id={id} onOpen={openArtifact} /> : null}
      </Dialog>
    </>
  );
}
