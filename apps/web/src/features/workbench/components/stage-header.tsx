"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Icon } from "@/components/icons";
import { cx } from "@/components/ui/cx";
import { useT } from "@/i18n/i18n-provider";
import { STAGE_ICONS, STAGES, stageView, viewHref, type TStageId } from "../lib/views";
import { useWorkbench } from "./workbench-context";

/** The head of a stage view: its number, name and description, with the stage's actions on the right. */
export function StageHeader({ stage, description, children }: { stage: TStageId; description: string; children?: ReactNode }) {
  const t = useT();
  return (
    <header className="flex flex-wrap items-start justify-between gap-3 border-b border-line pb-3">
      <div className="flex min-w-0 items-start gap-3">
        <Icon name={STAGE_ICONS[stage]} size={22} className="mt-0.5 shrink-0 text-link" />
        <div className="min-w-0">
          <h2 className="text-lg font-semibold text-strong">{t("stage.title", { order: STAGES.indexOf(stage) + 1, name: t(`stages.${stage}.name`) })}</h2>
          <p className="mt-0.5 text-[13px] text-muted">{description}</p>
        </div>
      </div>
      {children}
    </header>
  );
}

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
