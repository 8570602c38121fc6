"use client";

import { can } from "@proda/core";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { useEvaluations } from "@/features/evaluation/hooks/use-evaluations";
import { useNow } from "@/features/training/hooks/use-now";
import { runStatusLabel } from "@/features/training/lib/labels";
import { RUN_TONE } from "@/features/training/lib/run-status";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { stageView } from "@/features/workbench/lib/views";
import { formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TLoopDto } from "@/lib/api-types";
import { useLoopAction } from "../hooks/use-loop-action";
import { artifactTypeText } from "../lib/labels";
import { artifactTarget, stageHref } from "../lib/links";
import { isLoopActive, loopArtifacts, loopSummary } from "../lib/loop-view";
import { LineageButton } from "./lineage-button";
import { LoopTimeline } from "./loop-timeline";

/** One loop run: status with Cancel / Resume, its timeline, the artifacts each stage made, and V1 vs V2 vs control once evaluated. */
export function LoopDetail({ loop, onCompare }: { loop: TLoopDto; onCompare: (ids: { baseline: string; candidate: string; control: string | null }) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role, addTab } = useWorkbench();
  const action = useLoopAction(projectId);
  const active = isLoopActive(loop.status);
  const now = useNow(active);
  const evaluations = useEvaluations(projectId, null);
  const summary = loopSummary(loop, evaluations.data ?? []);
  const artifacts = loopArtifacts(loop.artifacts);
  const evalOf = (arm: "v1" | "v2" | "control") => artifacts.find((a) => a.type === "evaluation" && a.arm === arm)?.id ?? null;
  const canRun = can(role, "loop.run");
  const arms: ["v1" | "v2" | "control", string][] = [["v1", t("debugger.loop.arm.v1")], ["v2", t("debugger.loop.arm.v2")], ["control", t("debugger.loop.arm.control")]];
  return (
    <section className="flex flex-col gap-3" aria-label={t("debugger.loop.title", { number: loop.number })} data-testid="debugger-loop" data-status={loop.status} data-stage={loop.stage}>
      <div className="flex flex-wrap items-center gap-2">
        <h4 className="text-[15px] font-semibold text-strong">{t("debugger.loop.title", { number: loop.number })}</h4>
        <Badge tone={RUN_TONE[loop.status]}><span data-testid="debugger-loop-status">{runStatusLabel(loop.status, t)}</span></Badge>
        <span className="flex-1" />
        <LineageButton type="loop" id={loop.id} size="sm" />
        {canRun && active ? (
          <Button size="sm" variant="danger" icon="stop" busy={action.isPending} onClick={() => action.mutate({ loopId: loop.id, action: "cancel" })} data-testid="debugger-loop-cancel">{t("debugger.loop.cancel")}</Button>
        ) : null}
        {canRun && (loop.status === "failed" || loop.status === "cancelled") ? (
          <Button size="sm" icon="refresh" busy={action.isPending} onClick={() => action.mutate({ loopId: loop.id, action: "resume" })} data-testid="debugger-loop-resume">{t("debugger.loop.resume")}</Button>
        ) : null}
      </div>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      {loop.error ? <ErrorMessage message={loop.error} /> : null}
      <LoopTimeline loop={loop} now={now} />
      {artifacts.length ? (
        <div className="flex flex-col gap-1">
          <h5 className="text-xs font-semibold text-strong uppercase">{t("debugger.loop.artifacts")}</h5>
          <ul className="flex flex-wrap gap-1.5" data-testid="debugger-loop-artifacts">
            {artifacts.map((a) => {
              const target = a.type ? artifactTarget(a.type, a.id) : null;
              return (
                <li key={a.key}>
                  {target ? (
                    <Link href={stageHref(projectId, target.stage, target.params)} onClick={() => addTab(stageView(target.stage))} data-artifact-key={a.key}
                      className="inline-flex items-center gap-1 rounded-sm border border-line-strong px-1.5 py-0.5 text-xs text-link hover:underline">
                      {artifactTypeText(a.type!, t)}{a.arm ? ` · ${t(`debugger.loop.arm.${a.arm}`)}` : ""}
                    </Link>
                  ) : <code className="text-[11px] text-muted">{a.key}</code>}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {summary.v1 !== null || summary.v2 !== null ? (
        <div className="flex flex-col gap-1 rounded-md border border-line p-3" data-testid="debugger-loop-summary">
          <h5 className="text-xs font-semibold text-strong uppercase">{t("debugger.loop.summary")}</h5>
          <ul className="flex flex-col gap-1">
            {arms.map(([arm, label]) => (
              <li key={arm} className="grid grid-cols-[8rem_1fr_4rem] items-center gap-3 text-[13px]" data-arm={arm}>
                <span className="text-fg">{label}</span>
                <span className="h-2.5 overflow-hidden rounded-sm bg-line-strong/40" aria-hidden="true">
                  <span className={arm === "v2" ? "block h-full bg-accent" : arm === "control" ? "block h-full bg-warning" : "block h-full bg-muted"} style={{ width: `${(summary[arm] ?? 0) * 100}%` }} />
                </span>
                <span className="text-right tabular-nums text-strong" data-testid={`debugger-loop-accuracy-${arm}`}>{summary[arm] === null ? "—" : formatPercent(summary[arm]!, locale)}</span>
              </li>
            ))}
          </ul>
          {evalOf("v1") && evalOf("v2") ? (
            <Button size="sm" className="self-start" icon="relation" onClick={() => onCompare({ baseline: evalOf("v1")!, candidate: evalOf("v2")!, control: evalOf("control") })} data-testid="debugger-loop-compare">
              {t("debugger.loop.openCompare")}
            </Button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
