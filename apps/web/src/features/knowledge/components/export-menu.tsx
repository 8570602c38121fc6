"use client";

import { useState } from "react";
import { DownloadMenu } from "@/components/ui/download-menu";
import { useT } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/translate";
import { DisciplineSelect } from "./discipline-select";

export const EXPORT_FORMATS = ["json", "graphml", "neo4j-nodes", "neo4j-relationships"] as const;

export function exportHref(projectId: string, versionId: string, format: (typeof EXPORT_FORMATS)[number], discipline?: string): string {
  const params = new URLSearchParams({ format });
  if (discipline) params.set("discipline", discipline);
  return `/api/v1/projects/${encodeURIComponent(projectId)}/knowledge/versions/${encodeURIComponent(versionId)}/export?${params}`;
}

/** Downloads of the version's graph (JSON, GraphML, Neo4j bulk-import CSVs), whole or per discipline. */
export function ExportMenu({ projectId, versionId, disciplines }: { projectId: string; versionId: string; disciplines: string[] }) {
  const t = useT();
  const [discipline, setDiscipline] = useState("");
  const downloads = EXPORT_FORMATS.map((format) => ({
    id: format,
    label: t(`knowledge.export.${format}` as TMessageKey),
    hint: t(`knowledge.export.${format}.hint` as TMessageKey),
    href: exportHref(projectId, versionId, format, discipline || undefined),
  }));
  return (
    <DownloadMenu label={t("knowledge.export.button")} title={t("knowledge.export.title")} downloads={downloads} testId="knowledge-export">
      {disciplines.length > 1 ? <DisciplineSelect disciplines={disciplines} value={discipline} onChange={setDiscipline} className="w-full!" /> : null}
    </DownloadMenu>
  );
}
