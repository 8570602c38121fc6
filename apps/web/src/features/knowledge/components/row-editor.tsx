"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { useT } from "@/i18n/i18n-provider";

export const EDITOR_CONTROL = "h-6 rounded-sm border border-line-strong bg-input px-1.5 text-xs text-strong focus:border-accent focus:outline-none";

/**
 * An inline editor in place of a grid row's cells: Enter saves, Escape cancels, and clicks and keys
 * stay inside (the grid does not move its selection while one is open).
 */
export function RowEditor({
  label,
  onSubmit,
  onCancel,
  children,
  className,
}: {
  label: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
  className?: string;
}) {
  const t = useT();
  return (
    <form
      role="gridcell"
      aria-label={label}
      data-testid="knowledge-row-editor"
      className={cx("col-span-full flex min-w-0 items-center gap-2", className)}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      }}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
    >
      {children}
      <Button size="sm" variant="primary" type="submit" icon="check">
        {t("common.save")}
      </Button>
      <Button size="sm" variant="ghost" onClick={onCancel}>
        {t("common.cancel")}
      </Button>
    </form>
  );
}
