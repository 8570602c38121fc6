"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Icon } from "@/components/icons";
import { buttonClass } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { useT } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/translate";
import { DisciplineSelect } from "./discipline-select";

export const EXPORT_FORMATS = ["json", "graphml", "neo4j-nodes", "neo4j-relationships"] as const;

export function exportHref(projectId: string, versionId: string, format: (typeof EXPORT_FORMATS)[number], discipline?: string): string {
  const params = new URLSearchParams({ format });
  if (discipline) params.set("discipline", discipline);
  return `/api/v1/projects/${encodeURIComponent(projectId)}/knowledge/versions/${encodeURIComponent(versionId)}/export?${params}`;
}

/**
 * Downloads of the version's graph (JSON, GraphML, Neo4j bulk-import CSVs), whole or per
 * discipline: plain links with `download`, streamed by the server. Escape or a click outside closes.
 */
export function ExportMenu({ projectId, versionId, disciplines }: { projectId: string; versionId: string; disciplines: string[] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [discipline, setDiscipline] = useState("");
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
        {t("knowledge.export.button")}
        <Icon name="chevronDown" size={12} />
      </button>
      {open ? (
        <div id={panelId} role="group" aria-label={t("knowledge.export.title")} data-testid="knowledge-export"
          className="absolute right-0 z-50 mt-1 flex w-72 flex-col gap-2 rounded-md border border-line-strong bg-elevated p-2 text-[13px] shadow-xl shadow-shadow">
          {disciplines.length > 1 ? <DisciplineSelect disciplines={disciplines} value={discipline} onChange={setDiscipline} className="w-full!" /> : null}
          <ul className="flex flex-col">
            {EXPORT_FORMATS.map((format) => (
              <li key={format}>
                <a
                  href={exportHref(projectId, versionId, format, discipline || undefined)}
                  download
                  data-export-format={format}
                  onClick={() => setOpen(false)}
                  className={cx("flex flex-col rounded-sm px-2 py-1 text-fg hover:bg-accent hover:text-accent-fg focus:bg-accent focus:text-accent-fg focus:outline-none")}
                >
                  <span className="font-medium">{t(`knowledge.export.${format}` as TMessageKey)}</span>
                  <span className="text-[11px] opacity-80">{t(`knowledge.export.${format}.hint` as TMessageKey)}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
