"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { useT } from "@/i18n/i18n-provider";
import { IconButton } from "./button";
import { cx } from "./cx";

/**
 * A modal built on the native <dialog>: showModal() makes the rest of the page inert (a real focus
 * trap), Escape fires `cancel`, and the browser returns focus to the opener on close.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: string;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const t = useT();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onMouseDown={(event) => {
        // A press on the backdrop lands on the <dialog> itself, outside the padded content.
        if (event.target === event.currentTarget) onClose();
      }}
      className={cx(
        "m-auto w-[min(32rem,calc(100vw-2rem))] rounded-md border border-line-strong bg-elevated p-0 text-fg shadow-2xl shadow-shadow",
        className,
      )}
    >
      {open ? (
        <div className="flex flex-col gap-4 p-5">
          <header className="flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} className="text-base font-semibold text-strong">
                {title}
              </h2>
              {description ? (
                <p id={descriptionId} className="mt-1 text-[13px] text-muted">
                  {description}
                </p>
              ) : null}
            </div>
            <IconButton icon="close" label={t("common.close")} onClick={onClose} />
          </header>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
