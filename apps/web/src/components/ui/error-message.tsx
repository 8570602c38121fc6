"use client";

import { useT } from "@/i18n/i18n-provider";
import { describeError } from "@/i18n/describe-error";
import { Icon } from "../icons";
import { Button } from "./button";
import { cx } from "./cx";

/** An inline, announced error with an optional retry. */
export function ErrorMessage({
  error,
  message,
  onRetry,
  className,
}: {
  error?: unknown;
  message?: string;
  onRetry?: () => void;
  className?: string;
}) {
  const t = useT();
  const text = message ?? describeError(error, t);
  return (
    <div
      role="alert"
      className={cx(
        "flex items-start gap-2 rounded-sm border border-danger/50 bg-danger/10 px-3 py-2 text-[13px] text-strong",
        className,
      )}
    >
      <Icon name="alert" size={16} className="mt-0.5 shrink-0 text-danger" />
      <span className="flex-1 break-words">{text}</span>
      {onRetry ? (
        <Button size="sm" variant="ghost" icon="refresh" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      ) : null}
    </div>
  );
}
