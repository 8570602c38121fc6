"use client";

import { can } from "@proda/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Spinner } from "@/components/ui/spinner";
import { useBenchmarks } from "@/features/benchmarks/hooks/use-benchmarks";
import { useJob } from "@/features/jobs/hooks/use-job";
import { jobProgress } from "@/features/jobs/lib/job-status";
import { StatTile } from "@/features/knowledge/components/report-charts";
import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatCount, formatDateTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TContaminationReportDto, TDatasetDto } from "@/lib/api-types";
import { useContamination } from "../hooks/use-contamination";
import type { TGuardAction } from "../hooks/use-guard-action";
import { canFreezeDataset, isChecking, kindCounts, needsOverride } from "../lib/contamination";
import { hitKindLabel } from "../lib/labels";
import { datasetKeys } from "../query-keys";
import { ContaminationBadge } from "./contamination-badge";
import { ContaminationHits } from "./contamination-hits";
import { GuardRunForm } from "./guard-run-form";

function ReportSummary({ report }: { report: TContaminationReportDto }) {
  const t = useT();
  const { locale } = useLocale();
  const job = useJob(report.jobId, { poll: isChecking(report) });
  return (
    <div className="flex flex-col gap-2">
      <p className="flex flex-wrap items-center gap-2 text-[13px] text-fg">
        <ContaminationBadge report={report} />
        <span className="text-xs text-muted">
          {t("datasets.guard.checked", { when: formatDateTime(report.finishedAt ?? report.createdAt, locale), benchmarks: report.benchmarkIds.length, ngram: report.options?.ngram ?? 13 })}
        </span>
        {report.freezeOnPass ? <span className="text-xs text-muted">· {t("datasets.guard.freezeOnPass")}</span> : null}
      </p>
      {isChecking(report) ? <ProgressBar value={job.data ? jobProgress(job.data) : null} label={t("datasets.guard.running")} /> : null}
      {report.status === "overridden" && report.overrideReason ? (
        <p className="rounded-sm border border-warning/50 bg-warning/10 px-2 py-1 text-xs text-fg" data-testid="dataset-guard-override">
          {t("datasets.guard.overridden", { reason: report.overrideReason })}
        </p>
      ) : null}
      {report.error ? <ErrorMessage message={report.error} /> : null}
      {report.counts ? (
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5" data-testid="dataset-guard-counts">
          <StatTile label={t("datasets.guard.samplesChecked")} value={formatCount(report.counts.samples, locale)} />
          <StatTile label={t("datasets.guard.itemsChecked")} value={formatCount(report.counts.items, locale)} />
          {kindCounts(report.counts.byKind).map(({ kind, count }) => (
            <StatTile key={kind} label={hitKindLabel(kind, t)} value={formatCount(count, locale)} tone={count > 0 ? "danger" : undefined} testId={`dataset-guard-${kind}`} />
          ))}
        </dl>
      ) : null}
    </div>
  );
}

/**
 * The contamination guard of one version: the latest report (status, counts by kind, every hit, the
 * node report), "Run check" against chosen benchmarks, and "Freeze", which checks first.
 */
export function ContaminationPanel({ dataset, onFreeze, guard }: { dataset: TDatasetDto; onFreeze: () => void; guard: { run: (action: TGuardAction) => void; busy: boolean; error: unknown } }) {
  const t = useT();
  const { projectId, role } = useWorkbench();
  const { selectJob } = useJobFocus();
  const queryClient = useQueryClient();
  const report = useContamination(projectId, dataset.id, { enabled: dataset.status === "ready" || dataset.status === "frozen" });
  const benchmarks = useBenchmarks(projectId);
  const latest = report.data ?? null;
  const checking = isChecking(latest);

  // When a check ends, the version's summary (and a freeze that passed) changes: refetch the list.
  const wasChecking = useRef(checking);
  useEffect(() => {
    if (wasChecking.current && !checking) void queryClient.invalidateQueries({ queryKey: datasetKeys.list(projectId) });
    wasChecking.current = checking;
  }, [checking, queryClient, projectId]);
  useEffect(() => {
    if (checking && latest?.jobId) selectJob(latest.jobId);
  }, [checking, latest?.jobId, selectJob]);

  if (dataset.status !== "ready" && dataset.status !== "frozen") {
    return <EmptyState icon="builder" title={t("datasets.guard.notReadyTitle")} className="rounded-md border border-dashed border-line-strong">{t("datasets.guard.notReadyBody")}</EmptyState>;
  }
  return (
    <div className="flex flex-col gap-3 overflow-auto" data-testid="dataset-guard">
      <p className="text-xs text-muted">{t("datasets.guard.description")}</p>
      {report.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("datasets.guard.loading")}</p>
      ) : report.isError ? (
        <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />
      ) : latest ? (
        <ReportSummary report={latest} />
      ) : (
        <EmptyState icon="search" title={t("datasets.guard.noneTitle")} className="py-4">{t("datasets.guard.noneBody")}</EmptyState>
      )}
      {guard.error ? <ErrorMessage error={guard.error} /> : null}
      <div className="flex flex-col gap-3 lg:flex-row lg:items-start">
        {dataset.status === "ready" && !checking && benchmarks.data ? (
          <div className="min-w-0 flex-1">
            <GuardRunForm key={latest?.id ?? "none"} benchmarks={benchmarks.data} canRun={can(role, "dataset.run")} offerOverride={can(role, "contamination.override") && needsOverride(latest)} busy={guard.busy} onRun={guard.run} />
          </div>
        ) : null}
        {can(role, "dataset.manage") && canFreezeDataset(dataset, latest) ? (
          <Button icon="check" onClick={onFreeze} data-testid="dataset-guard-freeze">{t("datasets.freeze.button")}</Button>
        ) : null}
      </div>
      {latest && !checking ? <ContaminationHits report={latest} /> : null}
    </div>
  );
}
