"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Icon } from "@/components/icons";
import { buttonClass } from "@/components/ui/button";

export interface TDownload {
  id: string;
  label: string;
  hint: string;
  href: string;
}

/**
 * A button opening a list of downloads (plain links with `download`, streamed by the server).
 * Escape or a click outside closes it; the first link takes the focus when it opens. `children`
 * go above the list (e.g. a filter that changes the links).
 */
export function DownloadMenu({ label, title, downloads, testId, children }: { label: string; title: string; downloads: TDownload[]; testId: string; children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>("[data-export-format]")?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button ref={button} type="button" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen((v) => !v)} className={buttonClass("secondary", "md")}>
        <Icon name="download" size={14} />
        {label}
        <Icon name="chevronDown" size={12} />
      </button>
      {open ? (
        <div id={panelId} role="group" aria-label={title} data-testid={testId}
          className="absolute right-0 z-50 mt-1 flex w-72 flex-col gap-2 rounded-md border border-line-strong bg-elevated p-2 text-[13px] shadow-xl shadow-shadow">
          {children}
          <ul className="flex flex-col">
            {downloads.map((d) => (
              <li key={d.id}>
                <a href={d.href} download data-export-format={d.id} onClick={() => setOpen(false)}
                  className="flex flex-col rounded-sm px-2 py-1 text-fg hover:bg-accent hover:text-accent-fg focus:bg-accent focus:text-accent-fg focus:outline-none">
                  <span className="font-medium">{d.label}</span>
                  <span className="text-[11px] opacity-80">{d.hint}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
