"use client";

import { can } from "@proda/core";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { DetailQuery } from "@/components/ui/detail-query";
import { CONTROL_CLASS } from "@/components/ui/field";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { stageView, viewHref } from "@/features/workbench/lib/views";
import { useT } from "@/i18n/i18n-provider";
import type { TChainDetailDto } from "@/lib/api-types";
import { useChainDetail } from "../hooks/use-chain-detail";
import { useUpdateChain } from "../hooks/use-update-chain";
import { chainTitleChange } from "../lib/edit-patches";
import { ChainFlow } from "./chain-flow";
import { ChainNotes, ChainSourceText, ChainStepList } from "./chain-source";
import { EditError } from "./edit-error";

function ChainTitle({ detail, versionId, editable }: { detail: TChainDetailDto; versionId: string; editable: boolean }) {
  const t = useT();
  const { projectId, role } = useWorkbench();
  const update = useUpdateChain(projectId, versionId);
  const [draft, setDraft] = useState<string | null>(null);
  const canEdit = editable && can(role, "knowledge.edit");
  if (draft !== null) {
    return (
      <form
        className="flex min-w-0 flex-1 items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const title = chainTitleChange(detail.chain, draft);
          if (title) update.mutate({ id: detail.chain.id, title });
          setDraft(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            event.stopPropagation();
            setDraft(null);
          }
        }}
      >
        <input aria-label={t("knowledge.chains.title")} value={draft} autoFocus required maxLength={300} onChange={(e) => setDraft(e.target.value)} className={cx(CONTROL_CLASS, "h-7 min-w-0 flex-1")} />
        <Button size="sm" variant="primary" type="submit" icon="check">{t("common.save")}</Button>
        <Button size="sm" variant="ghost" onClick={() => setDraft(null)}>{t("common.cancel")}</Button>
      </form>
    );
  }
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1">
      <div className="flex min-w-0 items-center gap-2">
        <h3 className="truncate text-base font-semibold text-strong" title={detail.chain.title}>{detail.chain.title}</h3>
        {canEdit ? <Button size="sm" variant="ghost" icon="edit" onClick={() => { update.reset(); setDraft(detail.chain.title); }}>{t("knowledge.chains.rename")}</Button> : null}
      </div>
      <EditError mutation={update} />
    </div>
  );
}

/** One reasoning chain: the flow of its steps, the source text with each step's quote, its notes. */
export function ChainView({
  versionId,
  chainId,
  editable,
  onClose,
  onOpenConcept,
}: {
  versionId: string;
  chainId: string;
  editable: boolean;
  onClose: () => void;
  onOpenConcept: (conceptId: string) => void;
}) {
  const t = useT();
  const { projectId } = useWorkbench();
  const detail = useChainDetail(projectId, versionId, chainId);
  const [selectedStep, setSelectedStep] = useState<number | null>(null);
  const data = detail.data;

  return (
    <section
      aria-label={data ? t("knowledge.chain.label", { title: data.chain.title }) : t("knowledge.chain.loading")}
      data-testid="knowledge-chain-view"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !event.defaultPrevented && !(event.target instanceof HTMLInputElement)) onClose();
      }}
      className="flex min-h-[28rem] flex-1 flex-col gap-3"
    >
      <header className="flex flex-wrap items-start gap-3">
        <Button size="sm" variant="ghost" icon="arrowLeft" onClick={onClose} autoFocus>{t("knowledge.back")}</Button>
        {data ? (
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <ChainTitle key={data.chain.id} detail={data} versionId={versionId} editable={editable} />
            <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
              <Badge>{data.chain.discipline}</Badge>
              <span>{t("knowledge.chains.stepCount", { count: data.steps.length })}</span>
              <span>·</span>
              <Link
                href={`${viewHref(projectId, stageView("corpus"))}?${new URLSearchParams({ doc: data.chain.documentId })}`}
                className="truncate text-link hover:underline"
                title={t("knowledge.chain.openDocument")}
              >
                {data.chunk.documentName}
              </Link>
            </div>
          </div>
        ) : <div className="flex-1" />}
      </header>
      <DetailQuery query={detail} loading={t("knowledge.chain.loading")} goneTitle={t("knowledge.chain.goneTitle")} goneBody={t("knowledge.chain.goneBody")} goneAction={<Button onClick={onClose}>{t("knowledge.back")}</Button>}>
        {(data) => (
          // Side by side when the view is wide (a container query: the concept panel may take room),
          // stacked otherwise.
          <div className="@container flex min-h-0 flex-1 flex-col">
            <div className="flex min-h-0 flex-1 flex-col gap-3 @4xl:flex-row">
              <div className="flex h-[24rem] shrink-0 overflow-hidden rounded-md border border-line @4xl:h-auto @4xl:min-h-[24rem] @4xl:flex-1">
                <ChainFlow steps={data.steps} selectedStep={selectedStep} onSelectStep={setSelectedStep} onOpenConcept={onOpenConcept} />
              </div>
              <div className="flex min-h-0 flex-col gap-3 @4xl:w-[28rem] @4xl:shrink-0 @4xl:overflow-auto">
                <ChainStepList detail={data} selectedStep={selectedStep} onSelectStep={setSelectedStep} />
                <ChainSourceText detail={data} selectedStep={selectedStep} onSelectStep={setSelectedStep} />
                <ChainNotes detail={data} />
              </div>
            </div>
          </div>
        )}
      </DetailQuery>
    </section>
  );
}
