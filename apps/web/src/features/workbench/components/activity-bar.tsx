"use client";

import { Icon, type TIconName } from "@/components/icons";
import { cx } from "@/components/ui/cx";
import { useT } from "@/i18n/i18n-provider";
import { STAGE_ICONS, STAGES, stageView, type TViewId } from "../lib/views";
import { useWorkbench } from "./workbench-context";

function ActivityButton({
  icon,
  label,
  active,
  onClick,
  pressed,
  current,
}: {
  icon: TIconName;
  label: string;
  active: boolean;
  onClick: () => void;
  pressed?: boolean;
  current?: boolean;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      aria-current={current ? "page" : undefined}
      onClick={onClick}
      className={cx(
        "group relative flex h-12 w-12 items-center justify-center border-l-2",
        active ? "border-accent text-strong" : "border-transparent text-muted hover:text-strong",
      )}
    >
      <Icon name={icon} size={22} strokeWidth={1.4} />
      <span
        aria-hidden="true"
        className="pointer-events-none absolute left-full z-50 ml-1 hidden rounded-sm border border-line-strong bg-elevated px-2 py-1 text-xs whitespace-nowrap text-strong shadow-lg shadow-shadow group-hover:block group-focus-visible:block"
      >
        {label}
      </span>
    </button>
  );
}

/** Left rail: the explorer toggle, the seven pipeline stages in order, then members and settings. */
export function ActivityBar() {
  const t = useT();
  const { activeView, openView, layout } = useWorkbench();
  const isActive = (...views: TViewId[]) => activeView !== null && views.includes(activeView);

  return (
    <nav aria-label={t("workbench.activityBar")} className="flex w-12 shrink-0 flex-col bg-sidebar">
      <ActivityButton
        icon="explorer"
        label={t("workbench.explorer")}
        active={layout.sidebarVisible}
        pressed={layout.sidebarVisible}
        onClick={layout.toggleSidebar}
      />
      <div className="mx-3 my-1 border-t border-line-strong" role="presentation" />
      {STAGES.map((stage, index) => (
        <ActivityButton
          key={stage}
          icon={STAGE_ICONS[stage]}
          label={t("workbench.stageTooltip", { order: index + 1, name: t(`stages.${stage}.name`) })}
          active={isActive(stageView(stage))}
          current={isActive(stageView(stage))}
          onClick={() => openView(stageView(stage))}
        />
      ))}
      <div className="flex-1" />
      <ActivityButton
        icon="members"
        label={t("views.members")}
        active={isActive("members")}
        current={isActive("members")}
        onClick={() => openView("members")}
      />
      <ActivityButton
        icon="settings"
        label={t("views.settings")}
        active={isActive("settings", "providers", "tokens")}
        current={isActive("settings", "providers", "tokens")}
        onClick={() => openView("settings")}
      />
    </nav>
  );
}
