"use client";

import { can } from "@proda/core";
import { useQueryClient } from "@tanstack/react-query";
import { Icon } from "@/components/icons";
import { Badge } from "@/components/ui/badge";
import { Button, IconButton } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useCancelJob } from "@/features/jobs/hooks/use-cancel-job";
import { useJob } from "@/features/jobs/hooks/use-job";
import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TKnowledgeVersionDto } from "@/lib/api-types";
import { formatCompact, formatUsd } from "../lib/format-knowledge";
import { versionStatusLabel } from "../lib/knowledge-labels";
import { extractionProgress, isBuilding, VERSION_TONE } from "../lib/version-status";
import { knowledgeKeys } from "../query-keys";
import { formatCount } from "@/i18n/format";

/**
 * The version being built (or just finished): chunks done of total, rejects, tokens, cost and cache
 * hits from the version's live counters; the phase from its job, followed over SSE once focused.
 */
export function RunProgress({ version, onDismiss, onOpen }: { version: TKnowledgeVersionDto; onDismiss?: () => void; onOpen?: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role, layout } = useWorkbench();
  const { selectJob } = useJobFocus();
  const queryClient = useQueryClient();
  const building = isBuilding(version);
  const job = useJob(version.jobId, { poll: building });
  const cancel = useCancelJob();
  const cancelling = job.data?.cancelRequested && building;
  const progress = version.status === "canonicalising" ? null : extractionProgress(version);

  const figures: [string, string, string][] = [
    ["chunks", t("knowledge.progress.chunks"), `${formatCount(version.chunksDone, locale)} / ${formatCount(version.chunksTotal, locale)}`],
    ["rejected", t("knowledge.progress.rejected"), formatCount(version.chunksRejected, locale)],
    ["tokens", t("knowledge.progress.tokens"), formatCompact(version.promptTokens + version.completionTokens, locale)],
    ["cost", t("knowledge.progress.cost"), version.providerKind === "builtin" ? t("knowledge.estimate.free") : formatUsd(version.costUsd, locale)],
    ["cached", t("knowledge.progress.cached"), formatCount(version.cachedCalls, locale)],
  ];

  return (
    <section
      data-testid="knowledge-run"
      data-status={version.status}
      aria-label={t("knowledge.progress.title", { number: version.number })}
      aria-live="polite"
      className="flex flex-col gap-2 rounded-md border border-line bg-sidebar/60 px-3 py-2"
    >
      <div className="flex flex-wrap items-center gap-3">
        <Icon name="knowledge" size={16} className="text-muted" />
        <span className="text-[13px] font-medium text-strong">{t("knowledge.progress.title", { number: version.number })}</span>
        <Badge tone={cancelling ? "warning" : VERSION_TONE[version.status]}>{cancelling ? t("knowledge.progress.cancelling") : versionStatusLabel(version.status, t)}</Badge>
        <span className="min-w-0 flex-1 truncate text-xs text-muted" title={job.data?.message ?? undefined}>
          {version.status === "canonicalising" ? t("knowledge.progress.canonicalising") : job.data?.message ?? ""}
        </span>
        {version.jobId ? (
          <Button size="sm" variant="ghost" onClick={() => { selectJob(version.jobId); layout.showPanel("jobs"); }}>
            {t("knowledge.progress.showJob")}
          </Button>
        ) : null}
        {building && version.jobId && can(role, "jobs.cancel") ? (
          <Button
            size="sm"
            variant="danger"
            icon="stop"
            busy={cancel.isPending}
            disabled={!!cancelling}
            onClick={() => cancel.mutate(version.jobId!, { onSuccess: () => void queryClient.invalidateQueries({ queryKey: knowledgeKeys.versions(projectId) }) })}
          >
            {t("knowledge.progress.cancel")}
          </Button>
        ) : null}
        {version.status === "ready" && onOpen ? <Button size="sm" variant="primary" onClick={onOpen}>{t("knowledge.progress.open")}</Button> : null}
        {!building && onDismiss ? <IconButton icon="close" label={t("common.close")} onClick={onDismiss} /> : null}
      </div>
      {version.status === "ready" ? null : (
        <ProgressBar value={progress} tone={version.status === "failed" ? "danger" : version.status === "cancelled" ? "muted" : "accent"} label={t("knowledge.progress.title", { number: version.number })} />
      )}
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs">
        {figures.map(([id, label, value]) => (
          <div key={id} className="flex items-baseline gap-1.5" data-figure={id}>
            <dt className="text-muted">{label}</dt>
            <dd className="font-medium text-strong tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {cancel.error ? <ErrorMessage error={cancel.error} /> : null}
      {version.error ? <ErrorMessage message={version.error} /> : null}
    </section>
  );
}
