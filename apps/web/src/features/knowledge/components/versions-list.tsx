"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { formatCount, formatDateTime, formatRelativeTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TKnowledgeVersionDto } from "@/lib/api-types";
import { formatCompact, formatUsd } from "../lib/format-knowledge";
import { versionStatusLabel } from "../lib/knowledge-labels";
import { readReport } from "../lib/report";
import { VERSION_TONE } from "../lib/version-status";

/** Every extraction run of the project, newest first, with its provider, size and cost. */
export function VersionsList({ versions, currentId, onOpen }: { versions: TKnowledgeVersionDto[]; currentId: string | null; onOpen: (id: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const head = "px-3 py-1.5 text-left text-[11px] font-medium text-muted uppercase";
  return (
    <div className="overflow-auto rounded-md border border-line">
      <table className="w-full text-[13px]" data-testid="knowledge-versions">
        <caption className="sr-only">{t("knowledge.versions.title")}</caption>
        <thead className="bg-sidebar">
          <tr className="border-b border-line">
            <th scope="col" className={head}>{t("knowledge.versions.version")}</th>
            <th scope="col" className={head}>{t("knowledge.versions.status")}</th>
            <th scope="col" className={head}>{t("knowledge.versions.provider")}</th>
            <th scope="col" className={cx(head, "text-right")}>{t("knowledge.versions.chunks")}</th>
            <th scope="col" className={cx(head, "text-right")}>{t("knowledge.versions.size")}</th>
            <th scope="col" className={cx(head, "text-right")}>{t("knowledge.versions.tokens")}</th>
            <th scope="col" className={cx(head, "text-right")}>{t("knowledge.versions.cost")}</th>
            <th scope="col" className={head}>{t("knowledge.versions.created")}</th>
            <th scope="col" className={head}><span className="sr-only">{t("common.actions")}</span></th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => {
            const report = readReport(v);
            return (
              <tr key={v.id} className={cx("border-b border-line/50", v.id === currentId && "bg-selected-muted")} aria-current={v.id === currentId ? "true" : undefined}>
                <td className="px-3 py-1.5 font-medium text-strong">v{v.number}</td>
                <td className="px-3 py-1.5"><Badge tone={VERSION_TONE[v.status]}>{versionStatusLabel(v.status, t)}</Badge></td>
                <td className="px-3 py-1.5 text-fg">
                  {v.providerKind === "builtin" ? t("knowledge.run.builtinProvider") : v.providerName}
                  {v.model ? <span className="block text-[11px] text-muted">{v.model}</span> : null}
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">
                  {formatCount(v.chunksDone, locale)} / {formatCount(v.chunksTotal, locale)}
                  {v.chunksRejected ? <span className="block text-[11px] text-danger">{t("knowledge.versions.rejected", { count: formatCount(v.chunksRejected, locale) })}</span> : null}
                </td>
                <td className="px-3 py-1.5 text-right text-xs tabular-nums">
                  {report ? t("knowledge.versions.sizeValue", { concepts: formatCompact(report.total.concepts, locale), relations: formatCompact(report.total.relations, locale), chains: formatCompact(report.total.chains, locale) }) : "—"}
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatCompact(v.promptTokens + v.completionTokens, locale)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{v.providerKind === "builtin" ? "—" : formatUsd(v.costUsd, locale)}</td>
                <td className="px-3 py-1.5 text-xs text-muted" title={formatDateTime(v.createdAt, locale)}>{formatRelativeTime(v.createdAt, locale)}</td>
                <td className="px-3 py-1.5 text-right">
                  {v.id !== currentId ? <Button size="sm" onClick={() => onOpen(v.id)}>{t("knowledge.versions.open")}</Button> : <span className="text-xs text-muted">{t("knowledge.versions.shown")}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
