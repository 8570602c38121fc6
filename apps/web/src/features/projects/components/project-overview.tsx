"use client";

import { can } from "@proda/core";
import { RoleBadge } from "@/components/role-badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { JobProgress } from "@/features/jobs/components/job-progress";
import { JobStatusBadge } from "@/features/jobs/components/job-status-badge";
import { useJob } from "@/features/jobs/hooks/use-job";
import { PipelineSteps } from "@/features/workbench/components/stage-header";
import { Card, ViewFrame } from "@/features/workbench/components/view-frame";
import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatDateTime, formatRelativeTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/translate";
import type { TProjectStatsDto } from "@/lib/api-types";

const STAT_LABELS: [keyof Omit<TProjectStatsDto, "computedAt">, TMessageKey][] = [
  ["members", "overview.stat.members"],
  ["jobs", "overview.stat.jobs"],
  ["providers", "overview.stat.providers"],
  ["auditEvents", "overview.stat.auditEvents"],
];

function StatsJob() {
  const t = useT();
  const { statsJobId, selectedJobId, stream } = useJobFocus();
  const streaming = selectedJobId === statsJobId && stream.status === "open";
  const job = useJob(statsJobId, { poll: !streaming }).data;
  if (!job) return null;
  return (
    <div data-testid="stats-job" className="flex flex-col gap-2 rounded-sm border border-line bg-surface p-3" aria-live="polite">
      <div className="flex items-center justify-between gap-2">
        <span className="truncate text-[13px] text-strong">{job.title}</span>
        <JobStatusBadge job={job} />
      </div>
      <JobProgress job={job} />
      {job.message ? <p className="text-xs text-muted">{job.message}</p> : null}
      {job.status === "completed" && !job.message ? <p className="text-xs text-success">{t("overview.statsUpdated")}</p> : null}
      {job.error ? <ErrorMessage message={job.error} /> : null}
    </div>
  );
}

export function ProjectOverview() {
  const t = useT();
  const { locale } = useLocale();
  const { project, stats, role } = useWorkbench();
  const { recomputeStats, recomputing, recomputeError } = useJobFocus();
  const canRun = can(role, "jobs.run");
  const recomputeButton = canRun ? (
    <Button variant="primary" icon="refresh" busy={recomputing} onClick={recomputeStats}>
      {t("overview.recompute")}
    </Button>
  ) : null;

  return (
    <ViewFrame
      icon="overview"
      title={project.name}
      description={project.description || t("projects.noDescription")}
      actions={recomputeButton}
    >
      {recomputeError ? <ErrorMessage error={recomputeError} /> : null}
      <Card title={t("overview.statistics")}>
        <div className="flex flex-col gap-4">
          {stats ? (
            <>
              <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
                {STAT_LABELS.map(([key, label]) => (
                  <div key={key} className="rounded-sm border border-line bg-surface px-3 py-2">
                    <dt className="text-xs text-muted">{t(label)}</dt>
                    <dd className="text-2xl font-semibold text-strong tabular-nums">{stats[key].toLocaleString(locale)}</dd>
                  </div>
                ))}
              </dl>
              <p className="text-xs text-muted" title={formatDateTime(stats.computedAt, locale)}>
                {t("overview.computedAt", { when: formatRelativeTime(stats.computedAt, locale) })}
              </p>
            </>
          ) : (
            <EmptyState icon="overview" title={t("overview.noStatsTitle")} className="py-4">
              {canRun ? t("overview.noStatsBody") : t("overview.noStatsReadOnly")}
            </EmptyState>
          )}
          <StatsJob />
        </div>
      </Card>
      <Card title={t("overview.pipeline")}>
        <div className="flex flex-col gap-3">
          <p className="text-[13px] text-fg">{t("overview.pipelineBody")}</p>
          <PipelineSteps />
        </div>
      </Card>
      <Card title={t("overview.about")}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1.5 text-[13px]">
          <dt className="text-muted">{t("overview.yourRole")}</dt>
          <dd>
            <RoleBadge role={role} />
          </dd>
          <dt className="text-muted">{t("overview.created")}</dt>
          <dd>{formatDateTime(project.createdAt, locale)}</dd>
          <dt className="text-muted">{t("overview.updated")}</dt>
          <dd>{formatDateTime(project.updatedAt, locale)}</dd>
          <dt className="text-muted">{t("overview.projectId")}</dt>
          <dd className="font-mono text-xs">{project.id}</dd>
        </dl>
      </Card>
    </ViewFrame>
  );
}
