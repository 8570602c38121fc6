"use client";

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Card } from "@/features/workbench/components/view-frame";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { stageView, viewHref } from "@/features/workbench/lib/views";
import { useT } from "@/i18n/i18n-provider";
import type { TDisciplineFunnelDto, TKnowledgeVersionDto } from "@/lib/api-types";
import { RunForm } from "./run-form";

/** A link to the Corpus stage that also opens its tab. */
export function CorpusLink() {
  const t = useT();
  const { projectId, addTab } = useWorkbench();
  return (
    <Link href={viewHref(projectId, stageView("corpus"))} onClick={() => addTab(stageView("corpus"))} className={buttonClass("primary")}>
      {t("knowledge.empty.goToCorpus")}
    </Link>
  );
}

/** No version yet: what to do next (process a corpus, run an extraction, or ask someone who may). */
export function FirstRun({
  keptChunks,
  disciplines,
  canRun,
  onStarted,
}: {
  keptChunks: number | null;
  disciplines: TDisciplineFunnelDto[];
  canRun: boolean;
  onStarted: (version: TKnowledgeVersionDto) => void;
}) {
  const t = useT();
  if (keptChunks === null) {
    return <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("knowledge.loading")}</p>;
  }
  if (keptChunks === 0) {
    return (
      <EmptyState icon="corpus" title={t("knowledge.empty.noChunksTitle")} action={<CorpusLink />} className="rounded-md border border-dashed border-line-strong" >
        {t("knowledge.empty.noChunksBody")}
      </EmptyState>
    );
  }
  if (!canRun) {
    return (
      <EmptyState icon="knowledge" title={t("knowledge.empty.noVersionTitle")} className="rounded-md border border-dashed border-line-strong">
        {t("knowledge.empty.noVersionReadOnly")}
      </EmptyState>
    );
  }
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-3" data-testid="knowledge-first-run">
      <EmptyState icon="knowledge" title={t("knowledge.empty.runTitle")} className="py-4">
        {t("knowledge.empty.runBody")}
      </EmptyState>
      <Card title={t("knowledge.run.title")}>
        <RunForm disciplines={disciplines} onStarted={onStarted} />
      </Card>
    </div>
  );
}
