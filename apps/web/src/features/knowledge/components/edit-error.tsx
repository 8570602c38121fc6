"use client";

import { IconButton } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { describeError } from "@/i18n/describe-error";
import { useT } from "@/i18n/i18n-provider";

/** Puts the keyboard back on the grid after an inline editor closes. */
export function focusGrid(idPrefix: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[id^="${idPrefix}-"]`)?.closest<HTMLElement>("[role=grid]")?.focus());
}

/** A failed edit: the change was rolled back; says why, until dismissed or the next edit. */
export function EditError({ mutation }: { mutation: { error: unknown; reset: () => void } }) {
  const t = useT();
  if (!mutation.error) return null;
  return (
    <div className="flex items-start gap-1">
      <ErrorMessage className="flex-1" message={t("knowledge.edit.failed", { reason: describeError(mutation.error, t) })} />
      <IconButton icon="close" label={t("common.close")} onClick={() => mutation.reset()} />
    </div>
  );
}
