"use client";

import { formatCount, formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TEvaluationDto } from "@/lib/api-types";
import { disciplineHeatmap, heatColor } from "../lib/leaderboard";

/**
 * Models × disciplines: each cell the accuracy of that evaluation on that discipline's items,
 * coloured red → green, with the figure written in it (the colour is never the only signal).
 */
export function DisciplineHeatmap({ evaluations, currentId, onOpen }: { evaluations: TEvaluationDto[]; currentId: string | null; onOpen: (id: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const map = disciplineHeatmap(evaluations);
  if (map.rows.length === 0) return <p className="text-xs text-muted">{t("evaluation.leaderboard.none")}</p>;
  return (
    <div className="overflow-auto rounded-md border border-line" data-testid="evaluation-heatmap">
      <table className="border-collapse text-xs">
        <caption className="sr-only">{t("evaluation.heatmap.title")}</caption>
        <thead className="bg-sidebar">
          <tr>
            <th scope="col" className="sticky left-0 bg-sidebar px-2 py-1 text-left text-[11px] font-medium text-muted uppercase">{t("evaluation.heatmap.model")}</th>
            {map.disciplines.map((d) => <th key={d} scope="col" className="max-w-32 truncate px-2 py-1 text-left text-[11px] font-medium text-muted" title={d}>{d}</th>)}
          </tr>
        </thead>
        <tbody>
          {map.rows.map((row) => (
            <tr key={row.id} className="border-t border-line/50" aria-current={row.id === currentId ? "true" : undefined}>
              <th scope="row" className="sticky left-0 max-w-56 bg-sidebar px-2 py-1 text-left font-normal">
                <button type="button" className="truncate text-strong hover:text-link hover:underline" onClick={() => onOpen(row.id)} title={row.model}>
                  {row.model} <span className="text-muted">#{row.number}</span>
                </button>
              </th>
              {row.cells.map((cell, i) => (
                <td key={map.disciplines[i]} className="px-2 py-1 text-center tabular-nums" data-testid="evaluation-heat-cell"
                  style={cell ? { background: heatColor(cell.accuracy) } : undefined}
                  title={cell ? t("evaluation.heatmap.cell", { correct: formatCount(cell.correct, locale), items: formatCount(cell.items, locale) }) : undefined}>
                  {cell ? formatPercent(cell.accuracy, locale) : "—"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
