"use client";

import { useRef, type ReactNode } from "react";
import { Icon, type TIconName } from "@/components/icons";
import { cx } from "@/components/ui/cx";

/**
 * An ARIA tab list (arrow keys move and activate) and the open tab's panel, for the Tester's and the
 * Builder's sections. Only the open panel is rendered.
 */
export function StageTabs<T extends string>({
  idPrefix,
  label,
  tabs,
  tab,
  onTab,
  children,
}: {
  idPrefix: string;
  label: string;
  tabs: { id: T; label: string; icon: TIconName; count?: string }[];
  tab: T;
  onTab: (tab: T) => void;
  children: ReactNode;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: React.KeyboardEvent, index: number) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const next = tabs[(index + (event.key === "ArrowRight" ? 1 : -1) + tabs.length) % tabs.length]!.id;
    onTab(next);
    list.current?.querySelector<HTMLElement>(`#${idPrefix}-tab-${next}`)?.focus();
  };
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      <div ref={list} role="tablist" aria-label={label} className="flex shrink-0 gap-1 overflow-x-auto border-b border-line">
        {tabs.map((item, index) => (
          <button
            key={item.id}
            id={`${idPrefix}-tab-${item.id}`}
            type="button"
            role="tab"
            aria-selected={tab === item.id}
            aria-controls={`${idPrefix}-panel-${item.id}`}
            tabIndex={tab === item.id ? 0 : -1}
            onClick={() => onTab(item.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className={cx("-mb-px flex items-center gap-1.5 border-b-2 px-3 py-1.5 text-[13px] whitespace-nowrap", tab === item.id ? "border-accent text-strong" : "border-transparent text-muted hover:text-strong")}
          >
            <Icon name={item.icon} size={14} />
            {item.label}
            {item.count !== undefined ? <span className="text-[11px] text-muted tabular-nums">{item.count}</span> : null}
          </button>
        ))}
      </div>
      <div id={`${idPrefix}-panel-${tab}`} role="tabpanel" aria-labelledby={`${idPrefix}-tab-${tab}`} className="flex min-h-0 flex-1 flex-col">
        {children}
      </div>
    </div>
  );
}
