"use client";

import { useRef } from "react";
import { Icon } from "@/components/icons";
import { cx } from "@/components/ui/cx";
import { useT } from "@/i18n/i18n-provider";
import { viewIcon, viewLabelKey, type TViewId } from "../lib/views";
import { useWorkbench } from "./workbench-context";

export const tabId = (view: TViewId) => `editor-tab-${view.replace(":", "-")}`;
export const EDITOR_PANEL_ID = "editor-panel";

/**
 * The open editors. Arrow keys move between tabs (roving tabindex), Enter opens, Delete or
 * Ctrl/Cmd+W closes, a middle click closes.
 */
export function EditorTabs() {
  const t = useT();
  const { tabs, activeView, openView, closeView } = useWorkbench();
  const listRef = useRef<HTMLDivElement>(null);
  const focusable = activeView && tabs.includes(activeView) ? activeView : tabs[0];

  const focusTab = (index: number) => {
    const buttons = listRef.current?.querySelectorAll<HTMLElement>("[role=tab]");
    if (!buttons?.length) return;
    buttons[(index + buttons.length) % buttons.length]?.focus();
  };

  return (
    <div
      ref={listRef}
      role="tablist"
      aria-label={t("workbench.openEditors")}
      className="flex h-[35px] shrink-0 overflow-x-auto overflow-y-hidden bg-sidebar [scrollbar-width:none]"
    >
      {tabs.map((view, index) => {
        const active = view === activeView;
        const label = t(viewLabelKey(view));
        return (
          <div
            key={view}
            role="presentation"
            onAuxClick={(event) => {
              if (event.button === 1) {
                event.preventDefault();
                closeView(view);
              }
            }}
            onMouseDown={(event) => event.button === 1 && event.preventDefault()}
            className={cx(
              "group flex h-full shrink-0 items-center border-r border-line text-[13px]",
              active ? "border-t border-t-accent bg-surface text-strong" : "border-t border-t-transparent text-muted hover:bg-hover",
            )}
          >
            <button
              type="button"
              role="tab"
              id={tabId(view)}
              aria-selected={active}
              aria-controls={active ? EDITOR_PANEL_ID : undefined}
              tabIndex={view === focusable ? 0 : -1}
              onClick={() => openView(view)}
              onKeyDown={(event) => {
                if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
                  event.preventDefault();
                  focusTab(index + (event.key === "ArrowRight" ? 1 : -1));
                } else if (event.key === "Home" || event.key === "End") {
                  event.preventDefault();
                  focusTab(event.key === "Home" ? 0 : tabs.length - 1);
                } else if (event.key === "Delete") {
                  event.preventDefault();
                  closeView(view);
                  focusTab(Math.max(0, index - 1));
                }
              }}
              className="flex h-full items-center gap-1.5 pr-1 pl-3"
            >
              <Icon name={viewIcon(view)} size={14} className={active ? "text-link" : undefined} />
              <span className="whitespace-nowrap">{label}</span>
            </button>
            <button
              type="button"
              tabIndex={-1}
              aria-label={t("workbench.closeTab", { name: label })}
              title={t("workbench.closeTab", { name: label })}
              onClick={() => closeView(view)}
              className={cx(
                "mr-1.5 rounded-sm p-0.5 hover:bg-hover",
                active ? "visible" : "invisible group-hover:visible",
              )}
            >
              <Icon name="close" size={14} />
            </button>
          </div>
        );
      })}
      <div className="flex-1 border-b border-line" />
    </div>
  );
}
