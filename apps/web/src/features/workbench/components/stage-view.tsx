"use client";

import Link from "next/link";
import { Icon } from "@/components/icons";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/i18n/i18n-provider";
import { STAGE_ICONS, STAGES, stageView, viewHref, type TStageId } from "../lib/views";
import { Card, ViewFrame } from "./view-frame";
import { useWorkbench } from "./workbench-context";

/** The pipeline as a row of steps, with `current` highlighted; each step links to its view. */
export function PipelineSteps({ current }: { current?: TStageId }) {
  const t = useT();
  const { projectId, addTab } = useWorkbench();
  return (
    <ol aria-label={t("stage.pipeline")} className="flex flex-wrap items-center gap-1 text-xs">
      {STAGES.map((stage, index) => (
        <li key={stage} className="flex items-center gap-1">
          <Link
            href={viewHref(projectId, stageView(stage))}
            onClick={() => addTab(stageView(stage))}
            aria-current={stage === current ? "step" : undefined}
            className={cx(
              "flex items-center gap-1.5 rounded-sm border px-2 py-1",
              stage === current ? "border-accent bg-accent/15 text-strong" : "border-line-strong text-muted hover:text-strong",
            )}
          >
            <span className="font-mono">{index + 1}</span>
            <Icon name={STAGE_ICONS[stage]} size={13} />
            {t(`stages.${stage}.name`)}
          </Link>
          {index < STAGES.length - 1 ? <Icon name="chevronRight" size={12} className="text-muted" /> : null}
        </li>
      ))}
    </ol>
  );
}

export function StageView({ stage }: { stage: TStageId }) {
  const t = useT();
  const { projectId, addTab } = useWorkbench();
  const index = STAGES.indexOf(stage);
  const previous = STAGES[index - 1];
  const next = STAGES[index + 1];

  return (
    <ViewFrame
      icon={STAGE_ICONS[stage]}
      title={t("stage.title", { order: index + 1, name: t(`stages.${stage}.name`) })}
      description={t(`stages.${stage}.summary`)}
      actions={<Badge tone="warning">{t("explorer.notBuilt")}</Badge>}
    >
      <PipelineSteps current={stage} />
      <EmptyState icon={STAGE_ICONS[stage]} title={t("stage.notBuiltTitle", { name: t(`stages.${stage}.name`) })} className="rounded-md border border-dashed border-line-strong">
        {t("stage.notBuiltBody")}
      </EmptyState>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("stage.consumes")}>
          <p className="text-[13px] text-fg">{t(`stages.${stage}.input`)}</p>
        </Card>
        <Card title={t("stage.produces")}>
          <p className="text-[13px] text-fg">{t(`stages.${stage}.output`)}</p>
        </Card>
      </div>
      <nav aria-label={t("stage.neighbours")} className="flex justify-between text-[13px]">
        {previous ? (
          <Link href={viewHref(projectId, stageView(previous))} onClick={() => addTab(stageView(previous))} className="text-link hover:underline">
            ← {t("stage.previous", { name: t(`stages.${previous}.name`) })}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={viewHref(projectId, stageView(next))} onClick={() => addTab(stageView(next))} className="text-link hover:underline">
            {t("stage.next", { name: t(`stages.${next}.name`) })} →
          </Link>
        ) : null}
      </nav>
    </ViewFrame>
  );
}
