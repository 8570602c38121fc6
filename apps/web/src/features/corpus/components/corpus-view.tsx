"use client";

import { can } from "@proda/core";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Icon, type TIconName } from "@/components/icons";
import { cx } from "@/components/ui/cx";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { PipelineSteps, StageHeader } from "@/features/workbench/components/stage-header";
import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TJobDto } from "@/lib/api-types";
import { useCorpusFunnel } from "../hooks/use-corpus-funnel";
import { useCorpusJob } from "../hooks/use-corpus-job";
import { useCorpusSettings } from "../hooks/use-corpus-settings";
import { useCorpusUpload } from "../hooks/use-corpus-upload";
import { CorpusSettingsForm } from "./corpus-settings-form";
import { DocumentViewer } from "./document-viewer";
import { documentRowId } from "./documents-table";
import { DocumentsPanel } from "./documents-panel";
import { FunnelView } from "./funnel-view";
import { PendingCallout } from "./pending-callout";
import { ProcessingStatus } from "./processing-status";
import { formatCount } from "@/i18n/format";

type TTab = "documents" | "funnel" | "settings";
const TAB_ICONS: Record<TTab, TIconName> = { documents: "corpus", funnel: "funnel", settings: "settings" };

/**
 * Stage 1: upload documents, follow their processing, browse them, see the funnel and tune the
 * settings. `?tab=` picks the section and `?doc=` opens a document (so Back closes the viewer).
 */
export function CorpusView() {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const { selectJob } = useJobFocus();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const canManage = can(role, "corpus.manage");
  const tabs: TTab[] = canManage ? ["documents", "funnel", "settings"] : ["documents", "funnel"];
  const requested = search.get("tab") as TTab | null;
  const tab: TTab = requested && tabs.includes(requested) ? requested : "documents";
  const openDocumentId = search.get("doc");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [followedJobId, setFollowedJobId] = useState<string | null>(null);
  const [dismissedJobId, setDismissedJobId] = useState<string | null>(null);
  const tabList = useRef<HTMLDivElement>(null);

  const onProcessStarted = useCallback(
    (job: TJobDto) => {
      setFollowedJobId(job.id);
      selectJob(job.id);
    },
    [selectJob],
  );
  const upload = useCorpusUpload(projectId, onProcessStarted);
  const corpusJob = useCorpusJob(projectId);
  const funnel = useCorpusFunnel(projectId, { poll: corpusJob.active });
  const settings = useCorpusSettings(projectId);
  const activeJobId = corpusJob.active ? corpusJob.job?.id : undefined;
  // A run seen while this view is open stays shown when it finishes, whoever started it.
  useEffect(() => {
    if (activeJobId) setFollowedJobId(activeJobId);
  }, [activeJobId]);

  const navigate = useCallback(
    (changes: Record<string, string | null>, mode: "push" | "replace") => {
      const params = new URLSearchParams(search.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) params.delete(key);
        else params.set(key, value);
      }
      const query = params.toString();
      router[mode](query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [search, router, pathname],
  );

  const openDocument = (id: string) => {
    setSelectedId(id);
    navigate({ doc: id, chunk: null, tab: null }, "push");
  };
  const closeDocument = () => {
    navigate({ doc: null, chunk: null }, "replace");
    // Back to the row that was open, for keyboard users.
    requestAnimationFrame(() => document.getElementById(documentRowId(selectedId ?? ""))?.closest<HTMLElement>("[role=grid]")?.focus());
  };

  const job = corpusJob.job;
  const showJob = job && job.id !== dismissedJobId && (corpusJob.active || job.id === followedJobId || job.status === "failed");
  const total = funnel.data?.total;
  const kept = total?.stages.find((s) => s.stage === "kept")?.count ?? 0;
  // Between an upload's end and its processing job showing up, "Process now" would only conflict.
  const busy = corpusJob.active || upload.running || upload.processing || (followedJobId !== null && job?.id !== followedJobId);

  const onTabKeyDown = (event: React.KeyboardEvent, index: number) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const next = tabs[(index + (event.key === "ArrowRight" ? 1 : -1) + tabs.length) % tabs.length]!;
    navigate({ tab: next === "documents" ? null : next, doc: null, chunk: null }, "replace");
    tabList.current?.querySelector<HTMLElement>(`#corpus-tab-${next}`)?.focus();
  };

  return (
    <div className="flex h-full min-h-0 flex-col gap-3 px-6 py-4">
      <StageHeader stage="corpus" description={t("corpus.description")}>
        {total ? (
          <dl className="flex gap-5 text-right" data-testid="corpus-totals">
            <div>
              <dt className="text-[11px] text-muted uppercase">{t("corpus.funnel.stage.documents")}</dt>
              <dd className="text-lg font-semibold text-strong tabular-nums">{formatCount(total.stages[0]?.count ?? 0, locale)}</dd>
            </div>
            <div>
              <dt className="text-[11px] text-muted uppercase">{t("corpus.keptChunks")}</dt>
              <dd className="text-lg font-semibold text-strong tabular-nums">{formatCount(kept, locale)}</dd>
            </div>
          </dl>
        ) : null}
      </StageHeader>
      {openDocumentId ? null : <PipelineSteps current="corpus" />}
      {showJob ? <ProcessingStatus corpusJob={corpusJob} onDismiss={() => setDismissedJobId(job.id)} /> : null}
      {can(role, "corpus.read") && total ? <PendingCallout pending={total.pendingDocuments} processing={busy} onProcessStarted={onProcessStarted} /> : null}

      {openDocumentId ? <DocumentViewer key={openDocumentId} documentId={openDocumentId} onClose={closeDocument} /> : null}
      <div className={cx("min-h-0 flex-1 flex-col gap-3", openDocumentId ? "hidden" : "flex")}>
        <div ref={tabList} role="tablist" aria-label={t("corpus.sections")} className="flex shrink-0 gap-1 border-b border-line">
          {tabs.map((id, index) => (
            <button
              key={id}
              id={`corpus-tab-${id}`}
              type="button"
              role="tab"
              aria-selected={tab === id}
              aria-controls={`corpus-panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => navigate({ tab: id === "documents" ? null : id }, "replace")}
              onKeyDown={(event) => onTabKeyDown(event, index)}
              className={cx(
                "-mb-px flex items-center gap-1.5 border-b-2 px-3 py-1.5 text-[13px]",
                tab === id ? "border-accent text-strong" : "border-transparent text-muted hover:text-strong",
              )}
            >
              <Icon name={TAB_ICONS[id]} size={14} />
              {t(`corpus.tab.${id}`)}
            </button>
          ))}
        </div>
        <div id="corpus-panel-documents" role="tabpanel" aria-labelledby="corpus-tab-documents" hidden={tab !== "documents"} className={cx("min-h-0 flex-1 flex-col", tab === "documents" ? "flex" : "hidden")}>
          <DocumentsPanel
            funnel={funnel.data}
            maxBytes={settings.data?.maxUploadBytes}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onOpen={openDocument}
            upload={upload}
          />
        </div>
        {tab === "funnel" ? (
          <div id="corpus-panel-funnel" role="tabpanel" aria-labelledby="corpus-tab-funnel" className="min-h-0 flex-1 overflow-auto">
            <FunnelView funnel={funnel.data} isPending={funnel.isPending} error={funnel.error} onRetry={() => void funnel.refetch()} />
          </div>
        ) : null}
        {tab === "settings" ? (
          <div id="corpus-panel-settings" role="tabpanel" aria-labelledby="corpus-tab-settings" className="min-h-0 flex-1 overflow-auto">
            {settings.isPending ? (
              <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("corpus.settings.loading")}</p>
            ) : settings.isError ? (
              <ErrorMessage error={settings.error} onRetry={() => void settings.refetch()} />
            ) : (
              <CorpusSettingsForm projectId={projectId} settings={settings.data} />
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}
