"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { AuthGate } from "@/features/auth/components/auth-gate";
import { useProject, type TProjectDetail } from "@/features/projects/hooks/use-project";
import { useT } from "@/i18n/i18n-provider";
import { ApiError } from "@/lib/api-client";
import { useEditorTabs } from "../hooks/use-editor-tabs";
import { useWorkbenchCommands } from "../hooks/use-workbench-commands";
import { useLoopCommand } from "@/features/debugger/hooks/use-loop-command";
import { useWorkbenchLayout } from "../hooks/use-workbench-layout";
import { useWorkbenchShortcuts } from "../hooks/use-workbench-shortcuts";
import { viewFromPathname, viewHref, type TViewId } from "../lib/views";
import { JobFocusProvider } from "./job-focus-provider";
import { WorkbenchContext, type TWorkbenchContext } from "./workbench-context";
import { WorkbenchShell } from "./workbench-shell";

/** The project IDE: rendered by app/projects/[projectId]/layout.tsx around every project view. */
export function Workbench({ projectId, children }: { projectId: string; children: ReactNode }) {
  return (
    <AuthGate>
      <ProjectGate projectId={projectId}>{(detail) => <WorkbenchRoot detail={detail}>{children}</WorkbenchRoot>}</ProjectGate>
    </AuthGate>
  );
}

function ProjectGate({ projectId, children }: { projectId: string; children: (detail: TProjectDetail) => ReactNode }) {
  const t = useT();
  const project = useProject(projectId);
  if (project.isSuccess) return <>{children(project.data)}</>;
  if (project.isError) {
    const missing = project.error instanceof ApiError && (project.error.status === 404 || project.error.status === 403);
    return (
      <div className="flex h-full items-center justify-center p-6">
        {missing ? (
          <EmptyState
            icon="alert"
            title={t("workbench.projectUnavailableTitle")}
            action={
              <Link href="/projects" className={buttonClass("primary")}>
                {t("workbench.backToProjects")}
              </Link>
            }
          >
            {t("workbench.projectUnavailableBody")}
          </EmptyState>
        ) : (
          <ErrorMessage error={project.error} onRetry={() => void project.refetch()} className="max-w-lg" />
        )}
      </div>
    );
  }
  return (
    <p role="status" className="flex h-full items-center justify-center gap-2 text-muted">
      <Spinner /> {t("workbench.loadingProject")}
    </p>
  );
}

function WorkbenchRoot({ detail, children }: { detail: TProjectDetail; children: ReactNode }) {
  const { project, stats } = detail;
  const projectId = project.id;
  const router = useRouter();
  const pathname = usePathname();
  const activeView = viewFromPathname(projectId, pathname);
  const { tabs, open: openTab, close: closeTab, closeOthers } = useEditorTabs(projectId, activeView);
  const layout = useWorkbenchLayout();

  useEffect(() => {
    document.title = `${project.name} · ProDa Studio`;
  }, [project.name]);

  const openView = useCallback(
    (view: TViewId) => {
      openTab(view);
      router.push(viewHref(projectId, view));
    },
    [openTab, router, projectId],
  );

  const closeView = useCallback(
    (view: TViewId) => {
      const next = closeTab(view);
      if (view === activeView && next) router.push(viewHref(projectId, next));
    },
    [closeTab, activeView, router, projectId],
  );

  const context = useMemo<TWorkbenchContext>(
    () => ({
      projectId,
      project,
      stats,
      role: project.role,
      activeView,
      tabs,
      openView,
      addTab: openTab,
      closeView,
      closeOtherViews: closeOthers,
      layout,
    }),
    [projectId, project, stats, activeView, tabs, openTab, openView, closeView, closeOthers, layout],
  );

  return (
    <WorkbenchContext.Provider value={context}>
      <JobFocusProvider projectId={projectId}>
        <WorkbenchBehaviour />
        <WorkbenchShell>{children}</WorkbenchShell>
      </JobFocusProvider>
    </WorkbenchContext.Provider>
  );
}

/** Keyboard shortcuts and palette commands, which need both contexts. */
function WorkbenchBehaviour() {
  useWorkbenchShortcuts();
  useWorkbenchCommands();
  useLoopCommand();
  return null;
}
