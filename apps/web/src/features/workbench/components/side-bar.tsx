"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Icon } from "@/components/icons";
import { cx } from "@/components/ui/cx";
import { useCorpusFunnel } from "@/features/corpus/hooks/use-corpus-funnel";
import { useKnowledgeVersions } from "@/features/knowledge/hooks/use-knowledge-versions";
import { useProjectJobs } from "@/features/jobs/hooks/use-project-jobs";
import { isActive as isJobActive } from "@/features/jobs/lib/job-status";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { canOpenView, STAGES, stageView, viewHref, viewIcon, viewLabelKey, type TViewId } from "../lib/views";
import { useWorkbench } from "./workbench-context";
import { formatCount } from "@/i18n/format";
import { TesterBadge } from "@/features/benchmarks/components/tester-badge";
import { BuilderBadge } from "@/features/datasets/components/builder-badge";
import { TrainingBadge } from "@/features/training/components/training-badge";
import { EvaluationBadge } from "@/features/evaluation/components/evaluation-badge";
import { DebuggerBadge } from "@/features/debugger/components/debugger-badge";

function Section({ title, children }: { title: string; children: ReactNode }) {
  const [open, setOpen] = useState(true);
  return (
    <section>
      <h3>
        <button
          type="button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          className="flex h-[22px] w-full items-center gap-0.5 px-1 text-[11px] font-bold tracking-wide text-strong uppercase hover:bg-hover"
        >
          <Icon name={open ? "chevronDown" : "chevronRight"} size={14} />
          {title}
        </button>
      </h3>
      {open ? <ul className="pb-1">{children}</ul> : null}
    </section>
  );
}

function Item({ view, badge, prefix }: { view: TViewId; badge?: ReactNode; prefix?: string }) {
  const t = useT();
  const { projectId, activeView, addTab } = useWorkbench();
  const active = activeView === view;
  return (
    <li>
      <Link
        href={viewHref(projectId, view)}
        aria-current={active ? "page" : undefined}
        onClick={() => addTab(view)}
        className={cx(
          "flex h-[22px] items-center gap-1.5 pr-2 pl-5 text-[13px]",
          active ? "bg-selected text-strong" : "text-fg hover:bg-hover",
        )}
      >
        <Icon name={viewIcon(view)} size={14} className="shrink-0 text-muted" />
        {prefix ? <span className="w-3 shrink-0 text-right font-mono text-[11px] text-muted">{prefix}</span> : null}
        <span className="min-w-0 flex-1 truncate">{t(viewLabelKey(view))}</span>
        {badge}
      </Link>
    </li>
  );
}

/** The corpus's document count in the explorer, once it has any. */
function CorpusBadge({ projectId }: { projectId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const funnel = useCorpusFunnel(projectId);
  const documents = funnel.data?.total.stages[0]?.count ?? 0;
  if (!documents) return null;
  return <span className="text-[10px] text-muted tabular-nums">{t("explorer.documents", { count: formatCount(documents, locale) })}</span>;
}

/** The latest knowledge version in the explorer, once there is one. */
function KnowledgeBadge({ projectId }: { projectId: string }) {
  const t = useT();
  const versions = useKnowledgeVersions(projectId);
  const latest = versions.data?.[0];
  if (!latest) return null;
  return <span className="text-[10px] text-muted tabular-nums">{t("explorer.version", { number: String(latest.number) })}</span>;
}

const STAGE_BADGES: Partial<Record<(typeof STAGES)[number], (props: { projectId: string }) => React.ReactNode>> = {
  corpus: CorpusBadge,
  knowledge: KnowledgeBadge,
  tester: TesterBadge,
  builder: BuilderBadge,
  training: TrainingBadge,
  evaluation: EvaluationBadge,
  debugger: DebuggerBadge,
};

export function SideBar({ width }: { width: number }) {
  const t = useT();
  const { projectId, project, role } = useWorkbench();
  const jobs = useProjectJobs(projectId);
  const running = jobs.data?.pages.reduce((sum, page) => sum + page.items.filter(isJobActive).length, 0) ?? 0;
  const visible = (view: TViewId) => canOpenView(role, view);

  return (
    <aside aria-label={t("workbench.explorer")} style={{ width }} className="flex shrink-0 flex-col overflow-hidden bg-sidebar">
      <div className="flex h-9 shrink-0 items-center px-5 text-[11px] tracking-wide text-muted uppercase">
        {t("workbench.explorer")}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <p className="truncate px-3 pb-1 text-[11px] font-bold text-strong uppercase" title={project.name}>
          {project.name}
        </p>
        <Section title={t("explorer.project")}>
          <Item view="overview" />
          <Item
            view="jobs"
            badge={
              running > 0 ? (
                <span className="rounded-full bg-accent px-1.5 text-[10px] leading-4 text-accent-fg">
                  {t("explorer.running", { count: running })}
                </span>
              ) : null
            }
          />
          <Item view="members" />
          {visible("audit") ? <Item view="audit" /> : null}
        </Section>
        <Section title={t("explorer.pipeline")}>
          {STAGES.map((stage, index) => (
            <Item
              key={stage}
              view={stageView(stage)}
              prefix={String(index + 1)}
              badge={(() => {
                const Badge = STAGE_BADGES[stage];
                return Badge ? <Badge projectId={projectId} /> : <span className="text-[10px] text-muted italic">{t("explorer.notBuilt")}</span>;
              })()}
            />
          ))}
        </Section>
        <Section title={t("explorer.settings")}>
          <Item view="settings" />
          {visible("providers") ? <Item view="providers" /> : null}
          <Item view="tokens" />
        </Section>
      </div>
    </aside>
  );
}
