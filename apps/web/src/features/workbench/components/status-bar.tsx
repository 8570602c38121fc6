"use client";

import { Icon } from "@/components/icons";
import { Spinner } from "@/components/ui/spinner";
import { UserMenu } from "@/features/auth/components/user-menu";
import { HealthIndicator } from "@/features/health/components/health-indicator";
import { useProjectJobs } from "@/features/jobs/hooks/use-project-jobs";
import { isActive } from "@/features/jobs/lib/job-status";
import { PreferenceSwitchers } from "@/features/preferences/components/preference-switchers";
import { useT } from "@/i18n/i18n-provider";
import { viewHref } from "../lib/views";
import { useWorkbench } from "./workbench-context";

const ITEM = "inline-flex h-full items-center gap-1 px-2 text-[12px] hover:bg-hover";

export function StatusBar() {
  const t = useT();
  const { projectId, layout } = useWorkbench();
  const jobs = useProjectJobs(projectId);
  const items = jobs.data?.pages.flatMap((page) => page.items) ?? [];
  const running = items.filter(isActive).length;
  const failed = items.filter((job) => job.status === "failed").length;

  return (
    <footer
      aria-label={t("statusBar.label")}
      className="flex h-[22px] shrink-0 items-center justify-between border-t border-line bg-sidebar text-fg"
    >
      <div className="flex h-full items-center">
        <HealthIndicator />
        <button type="button" className={ITEM} onClick={() => layout.showPanel("jobs")} data-testid="running-jobs">
          {running > 0 ? <Spinner size={11} /> : <Icon name="jobs" size={13} />}
          {t("statusBar.runningJobs", { count: running })}
        </button>
        <button type="button" className={ITEM} onClick={() => layout.showPanel("problems")}>
          <Icon name="alert" size={13} className={failed ? "text-danger" : undefined} />
          {t("statusBar.problems", { count: failed })}
        </button>
      </div>
      <div className="flex h-full items-center">
        <PreferenceSwitchers compact />
        <UserMenu compact tokensHref={viewHref(projectId, "tokens")} />
      </div>
    </footer>
  );
}
