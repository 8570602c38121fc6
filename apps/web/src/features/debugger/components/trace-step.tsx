"use client";

import type { ReactNode } from "react";
import { Icon, type TIconName } from "@/components/icons";
import { cx } from "@/components/ui/cx";

/**
 * One step of the failure trace: a numbered marker on the spine that joins the steps top to bottom,
 * the step's title and count, and its content. A list item, so screen readers hear "n of 8".
 */
export function TraceStep({ order, icon, title, count, testId, tone = "line", children, last = false }: {
  order: number;
  icon: TIconName;
  title: string;
  count?: string;
  testId: string;
  tone?: "line" | "danger" | "accent";
  children: ReactNode;
  last?: boolean;
}) {
  const marker = { line: "border-line-strong text-muted", danger: "border-danger text-danger", accent: "border-accent text-link" }[tone];
  return (
    <li className="relative flex gap-3 pb-4" data-testid={testId}>
      {last ? null : <span aria-hidden="true" className="absolute top-7 bottom-0 left-[13px] w-px bg-line-strong" />}
      <span aria-hidden="true" className={cx("z-[1] flex h-7 w-7 shrink-0 items-center justify-center rounded-full border bg-elevated", marker)}>
        <Icon name={icon} size={14} />
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-1.5 pt-1">
        <h4 className="flex items-baseline gap-2 text-[13px] font-semibold text-strong">
          <span className="font-mono text-[11px] text-muted">{order}</span>
          {title}
          {count !== undefined ? <span className="text-[11px] font-normal text-muted tabular-nums">{count}</span> : null}
        </h4>
        {children}
      </div>
    </li>
  );
}

/** A quiet line for a step with nothing to show. */
export function TraceNone({ children }: { children: ReactNode }) {
  return <p className="text-xs text-muted">{children}</p>;
}
