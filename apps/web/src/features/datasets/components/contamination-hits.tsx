"use client";

import { Badge } from "@/components/ui/badge";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TContaminationReportDto } from "@/lib/api-types";
import { hitKindLabel } from "../lib/labels";

/** Rows drawn at most: a badly contaminated version can have thousands of hits; the export has them all. */
export const MAX_HIT_ROWS = 500;

const short = (key: string) => (key.length > 14 ? `${key.slice(0, 12)}…` : key);

/** Every hit of the report (sample, item, kind, what matched), capped, then the node-level report. */
export function ContaminationHits({ report }: { report: TContaminationReportDto }) {
  const t = useT();
  const { locale } = useLocale();
  const hits = report.hits ?? [];
  const nodes = report.nodeReport ?? [];
  const head = "px-2 py-1 text-left text-[11px] font-medium text-muted uppercase";
  return (
    <>
      <section className="flex flex-col gap-1.5" data-testid="dataset-guard-hits">
        <h4 className="text-[11px] font-semibold text-muted uppercase">{t("datasets.guard.hits", { count: formatCount(hits.length, locale) })}</h4>
        {hits.length === 0 ? <p className="text-xs text-muted">{t("datasets.guard.noHits")}</p> : (
          <div className="max-h-96 overflow-auto rounded-md border border-line">
            <table className="w-full text-xs">
              <caption className="sr-only">{t("datasets.guard.hitsCaption")}</caption>
              <thead className="sticky top-0 bg-sidebar">
                <tr className="border-b border-line">
                  <th scope="col" className={head}>{t("datasets.guard.sample")}</th>
                  <th scope="col" className={head}>{t("datasets.guard.item")}</th>
                  <th scope="col" className={head}>{t("datasets.guard.kindColumn")}</th>
                  <th scope="col" className={head}>{t("datasets.guard.detail")}</th>
                </tr>
              </thead>
              <tbody>
                {hits.slice(0, MAX_HIT_ROWS).map((hit, i) => (
                  <tr key={`${hit.sampleKey}:${hit.itemKey}:${hit.kind}:${i}`} className="border-b border-line/50 align-top">
                    <td className="px-2 py-1 font-mono text-[11px]" title={hit.sampleKey}>{short(hit.sampleKey)}</td>
                    <td className="px-2 py-1 font-mono text-[11px]" title={hit.itemKey}>{short(hit.itemKey)}</td>
                    <td className="px-2 py-1"><Badge tone="danger">{hitKindLabel(hit.kind, t)}</Badge>{hit.overlap !== undefined ? <span className="ml-1 text-muted tabular-nums">{hit.overlap}</span> : null}</td>
                    <td className="px-2 py-1 break-words text-fg">{hit.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {hits.length > MAX_HIT_ROWS ? <p className="text-[11px] text-muted">{t("datasets.guard.hitsCapped", { shown: formatCount(MAX_HIT_ROWS, locale), total: formatCount(hits.length, locale) })}</p> : null}
      </section>
      <section className="flex flex-col gap-1.5" data-testid="dataset-guard-nodes">
        <h4 className="text-[11px] font-semibold text-muted uppercase">{t("datasets.guard.nodes", { count: formatCount(nodes.length, locale) })}</h4>
        <p className="text-xs text-muted">{t("datasets.guard.nodesHint")}</p>
        {nodes.length === 0 ? <p className="text-xs text-muted">{t("datasets.guard.noNodes")}</p> : (
          <ul className="flex max-h-64 flex-col gap-0.5 overflow-auto text-xs">
            {nodes.slice(0, MAX_HIT_ROWS).map((node) => (
              <li key={node.relationId} className="flex gap-2">
                <code className="min-w-0 flex-1 truncate text-[11px]" title={node.relationId}>{node.relationId}</code>
                <span className="text-muted tabular-nums">{t("datasets.guard.nodeCounts", { items: node.itemKeys.length, samples: node.sampleKeys.length })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
