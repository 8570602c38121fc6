"use client";

import Link from "next/link";
import { Icon } from "@/components/icons";
import { RoleBadge } from "@/components/role-badge";
import { IconButton } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { ChatToggle } from "@/features/chat/components/chat-toggle";
import { useCommands } from "@/features/commands/components/command-provider";
import { useFormatKeys } from "@/features/commands/hooks/use-format-keys";
import { useT } from "@/i18n/i18n-provider";
import { useWorkbench } from "./workbench-context";

export function TitleBar() {
  const t = useT();
  const formatKeys = useFormatKeys();
  const { openPalette } = useCommands();
  const { project, role, layout } = useWorkbench();

  return (
    <header className="grid h-9 shrink-0 grid-cols-[1fr_minmax(12rem,30rem)_1fr] items-center gap-3 border-b border-line bg-sidebar px-2">
      <div className="flex min-w-0 items-center gap-2">
        <Link
          href="/projects"
          aria-label={t("workbench.allProjects")}
          title={t("workbench.allProjects")}
          className="rounded-sm p-1 text-link hover:bg-hover"
        >
          <Icon name="logo" size={18} />
        </Link>
        <nav aria-label={t("workbench.breadcrumb")} className="flex min-w-0 items-center gap-1 text-[13px]">
          <Link href="/projects" className="shrink-0 text-muted hover:text-strong hover:underline">
            {t("projects.title")}
          </Link>
          <Icon name="chevronRight" size={12} className="shrink-0 text-muted" />
          <h1 className="truncate font-semibold text-strong" title={project.name}>
            {project.name}
          </h1>
        </nav>
        <RoleBadge role={role} />
      </div>
      <button
        type="button"
        onClick={() => openPalette("quick-open")}
        className="flex h-6 min-w-0 items-center justify-center gap-2 rounded-md border border-line-strong bg-input/60 px-2 text-xs text-muted hover:border-accent hover:text-fg"
      >
        <Icon name="search" size={13} className="shrink-0" />
        <span className="truncate">{t("workbench.commandCenter", { project: project.name })}</span>
        <span className="shrink-0 font-mono text-[11px]">{formatKeys("Mod+P")}</span>
      </button>
      <div className="flex items-center justify-end gap-0.5">
        <ChatToggle />
        <IconButton
          icon="sidebar"
          label={t("commands.toggleSidebar")}
          aria-pressed={layout.sidebarVisible}
          onClick={layout.toggleSidebar}
          className={cx(layout.sidebarVisible && "text-strong")}
        />
        <IconButton
          icon="panel"
          label={t("commands.togglePanel")}
          aria-pressed={layout.panelVisible}
          onClick={layout.togglePanel}
          className={cx(layout.panelVisible && "text-strong")}
        />
      </div>
    </header>
  );
}
