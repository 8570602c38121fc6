"use client";

import type { ReactNode } from "react";
import { useT } from "@/i18n/i18n-provider";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { ErrorMessage } from "./error-message";

/** "Are you sure?" for destructive actions; stays open and shows the error if the action fails. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <div className="text-[13px] text-fg">{children}</div>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        <Button variant="danger" icon="trash" busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
