"use client";

import Link from "next/link";
import { can } from "@proda/core";
import { Button, buttonClass } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Spinner } from "@/components/ui/spinner";
import { useModels } from "@/features/evaluation/hooks/use-models";
import { evaluationHref } from "@/features/evaluation/lib/links";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatCount, formatDateTime, formatRelativeTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TTrainingRunDto } from "@/lib/api-types";
import { useCancelRun } from "../hooks/use-cancel-run";
import { useNow } from "../hooks/use-now";
import { useRunLog } from "../hooks/use-run-log";
import { useTrainingRun } from "../hooks/use-training-run";
import { backendLabel } from "../lib/labels";
import { logSeries } from "../lib/log-series";
import { formatDuration, formatMetric, isRunActive, runDurationMs, runProgress } from "../lib/run-status";
import { GateInfo } from "./gate-info";
import { LineChart } from "./line-chart";
import { RunLog } from "./run-log";
import { RunStatusBadge } from "./run-status-badge";

/**
 * One run: status, progress and duration, Cancel while it is active, the gate it passed, its
 * hyperparameters, loss and learning-rate charts and the live log, and the model it registered.
 */
export function RunDetail({ run: initial }: { run: TTrainingRunDto }) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const detail = useTrainingRun(projectId, initial.id, initial);
  const run = detail.data ?? initial;
  const active = isRunActive(run.status);
  const { log, streamStatus } = useRunLog(projectId, run);
  const cancel = useCancelRun(projectId);
  const models = useModels(projectId);
  const model = run.modelId ? models.data?.find((m) => m.id === run.modelId) : undefined;
  const now = useNow(active);
  const duration = runDurationMs(run, now);
  const entries = log.data ?? [];
  const loss = logSeries(entries, "loss");
  const rate = logSeries(entries, "learningRate");
  const accuracy = logSeries(entries, "accuracy");

  return (
    <section className="flex flex-col gap-4" data-testid="training-run-detail" data-status={run.status} aria-label={t("training.run.title", { number: run.number })}>
      <div className="flex flex-col gap-2 rounded-md border border-line bg-sidebar/60 px-3 py-2" aria-live="polite">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h3 className="text-[13px] font-semibold text-strong">{t("training.run.title", { number: run.number })}</h3>
          <RunStatusBadge status={run.status} />
          <span className="text-xs text-fg">{backendLabel(run.backend, t)}</span>
          <span className="text-xs text-muted">{t("training.run.dataset", { number: run.datasetVersionNumber })}</span>
          <span className="text-xs text-muted" title={formatDateTime(run.createdAt, locale)}>{formatRelativeTime(run.createdAt, locale)}</span>
          {duration !== null ? <span className="text-xs text-muted tabular-nums" data-testid="training-run-duration">{t("training.run.duration", { duration: formatDuration(duration) })}</span> : null}
          {active && streamStatus === "open" ? <span className="flex items-center gap-1 text-[11px] text-info"><Spinner size={10} />{t("training.run.live")}</span> : null}
          <span className="flex-1" />
          {active && can(role, "training.run") ? (
            <Button size="sm" variant="danger" icon="stop" busy={cancel.isPending} onClick={() => cancel.mutate(run.id)} data-testid="training-run-cancel">
              {t("training.run.cancel")}
            </Button>
          ) : null}
        </div>
        {run.status === "succeeded" ? null : (
          <ProgressBar value={active ? runProgress(run) : 1} tone={run.status === "failed" ? "danger" : run.status === "cancelled" ? "muted" : "accent"} label={t("training.run.progress")} />
        )}
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs">
          <div className="flex items-baseline gap-1.5"><dt className="text-muted">{t("training.run.step")}</dt><dd className="font-medium text-strong tabular-nums">{run.totalSteps ? `${formatCount(run.step, locale)} / ${formatCount(run.totalSteps, locale)}` : formatCount(run.step, locale)}</dd></div>
          <div className="flex items-baseline gap-1.5"><dt className="text-muted">{t("training.run.loss")}</dt><dd className="font-medium text-strong tabular-nums" data-testid="training-run-loss">{formatMetric(run.lastLoss)}</dd></div>
          <div className="flex items-baseline gap-1.5"><dt className="text-muted">{t("training.run.learningRate")}</dt><dd className="font-medium text-strong tabular-nums">{formatMetric(run.lastLearningRate)}</dd></div>
        </dl>
        {cancel.error ? <ErrorMessage error={cancel.error} /> : null}
        {run.error ? <ErrorMessage message={run.error} /> : null}
      </div>

      <div className="grid gap-4 lg:grid-cols-[minmax(14rem,1fr)_3fr]">
        <div className="flex flex-col gap-3">
          <section className="flex flex-col gap-1.5">
            <h4 className="text-[11px] font-semibold text-muted uppercase">{t("training.run.model")}</h4>
            {run.modelId ? (
              <div className="flex flex-col items-start gap-1.5" data-testid="training-run-model">
                <span className="text-[13px] font-medium break-all text-strong">{model?.name ?? t("training.run.modelRegistered")}</span>
                <Link href={evaluationHref(projectId, { evaluate: run.modelId })} className={buttonClass("primary", "sm")}>{t("training.run.evaluate")}</Link>
              </div>
            ) : (
              <p className="text-xs text-muted">{active ? t("training.run.modelPending") : t("training.run.noModel")}</p>
            )}
          </section>
          <section className="flex flex-col gap-1.5">
            <h4 className="text-[11px] font-semibold text-muted uppercase">{t("training.run.gate")}</h4>
            <GateInfo gate={run.gate} />
          </section>
          <section className="flex flex-col gap-1.5">
            <h4 className="text-[11px] font-semibold text-muted uppercase">{t("training.run.hyperparameters")}</h4>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs" data-testid="training-run-hyperparameters">
              {Object.entries(run.hyperparameters).map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="font-mono text-muted">{name}</dt>
                  <dd className="break-all text-strong tabular-nums">{value === null ? t("training.form.auto") : String(value)}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
        <div className="flex min-w-0 flex-col gap-3">
          {log.isPending ? (
            <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("training.log.loading")}</p>
          ) : log.isError ? (
            <ErrorMessage error={log.error} onRetry={() => void log.refetch()} />
          ) : (
            <>
              <div className="grid gap-4 xl:grid-cols-2">
                <LineChart points={loss} label={t("training.chart.loss")} testId="training-loss-chart" />
                <LineChart points={rate} label={t("training.chart.learningRate")} color="var(--info)" testId="training-lr-chart" />
                {accuracy.length ? <LineChart points={accuracy} label={t("training.chart.accuracy")} color="var(--success)" testId="training-accuracy-chart" /> : null}
              </div>
              <RunLog entries={entries} live={active} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
