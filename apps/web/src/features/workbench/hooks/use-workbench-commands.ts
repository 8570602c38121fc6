"use client";

import { useMemo } from "react";
import { can } from "@proda/core";
import { useRegisterCommands } from "@/features/commands/hooks/use-register-commands";
import type { TPaletteItem } from "@/features/commands/lib/types";
import { useT } from "@/i18n/i18n-provider";
import { useJobFocus, useWorkbench } from "../components/workbench-context";
import { ALL_VIEWS, canOpenView, viewIcon, viewLabelKey } from "../lib/views";

/** Offers the project's views (quick open and "Open …" commands) and workbench actions. */
export function useWorkbenchCommands(): void {
  const t = useT();
  const { project, role, openView, layout, activeView, tabs, closeView } = useWorkbench();
  const { recomputeStats } = useJobFocus();
  const { toggleSidebar, togglePanel, showPanel } = layout;

  const items = useMemo<TPaletteItem[]>(() => {
    const views = ALL_VIEWS.filter((view) => canOpenView(role, view));
    const viewCategory = t("commands.categoryView");
    const opens: TPaletteItem[] = views.map((view) => ({
      id: `open:${view}`,
      kind: "open",
      title: t(viewLabelKey(view)),
      detail: project.name,
      icon: viewIcon(view),
      run: () => openView(view),
    }));
    const openCommands: TPaletteItem[] = views.map((view) => ({
      id: `command:open:${view}`,
      kind: "command",
      category: viewCategory,
      title: t("commands.openView", { view: t(viewLabelKey(view)) }),
      icon: viewIcon(view),
      run: () => openView(view),
    }));
    const action = (id: string, title: string, icon: TPaletteItem["icon"], run: () => void, keybinding?: string): TPaletteItem => ({
      id,
      kind: "command",
      category: viewCategory,
      title,
      icon,
      run,
      keybinding,
    });
    const actions: TPaletteItem[] = [
      action("view.toggleSidebar", t("commands.toggleSidebar"), "sidebar", toggleSidebar, "Mod+B"),
      action("view.togglePanel", t("commands.togglePanel"), "panel", togglePanel, "Mod+J"),
      action("view.showJobs", t("commands.showJobsPanel"), "jobs", () => showPanel("jobs")),
      action("view.showLogs", t("commands.showLogsPanel"), "terminal", () => showPanel("logs")),
      action("view.showProblems", t("commands.showProblemsPanel"), "alert", () => showPanel("problems")),
    ];
    if (activeView && tabs.includes(activeView)) {
      actions.push(action("view.closeEditor", t("commands.closeEditor"), "close", () => closeView(activeView), "Mod+W / Alt+W"));
    }
    if (can(role, "jobs.run")) {
      actions.push({
        id: "project.recomputeStats",
        kind: "command",
        category: t("commands.categoryProject"),
        title: t("overview.recompute"),
        icon: "refresh",
        run: () => {
          openView("overview");
          recomputeStats();
        },
      });
    }
    return [...opens, ...openCommands, ...actions];
  }, [t, project.name, role, openView, toggleSidebar, togglePanel, showPanel, activeView, tabs, closeView, recomputeStats]);

  useRegisterCommands("workbench", items);
}
