"use client";

import { Badge } from "@/components/ui/badge";
import { ARTIFACT_TONE } from "@/features/benchmarks/lib/artifact-status";
import { artifactStatusLabel } from "@/features/benchmarks/lib/labels";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TEvaluationDto } from "@/lib/api-types";
import { leaderboardBars } from "../lib/leaderboard";
import { evaluationName } from "../lib/labels";
import { AccuracyBars } from "./accuracy-bars";
import { DisciplineHeatmap } from "./discipline-heatmap";

/** One benchmark's leaderboard: accuracy bars (best first), the per-discipline heatmap, and the evaluations without a score yet. */
export function Leaderboard({ evaluations, currentId, onOpen }: { evaluations: TEvaluationDto[]; currentId: string | null; onOpen: (id: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const bars = leaderboardBars(evaluations);
  const unscored = evaluations.filter((e) => !bars.some((b) => b.id === e.id));
  return (
    <div className="flex flex-col gap-5 overflow-auto" data-testid="evaluation-leaderboard">
      <section className="flex flex-col gap-2">
        <h3 className="text-[11px] font-semibold text-muted uppercase">{t("evaluation.leaderboard.title")}</h3>
        {bars.length ? (
          <AccuracyBars label={t("evaluation.leaderboard.title")} rowTestId="evaluation-leaderboard-row"
            rows={bars.map((b) => ({ key: b.id, label: evaluationName({ number: b.number, model: { name: b.model } }), accuracy: b.accuracy, correct: b.correct, items: b.items, current: b.id === currentId, onOpen: () => onOpen(b.id) }))} />
        ) : (
          <p className="text-xs text-muted">{t("evaluation.leaderboard.none")}</p>
        )}
      </section>
      {unscored.length ? (
        <ul className="flex flex-col gap-1 text-xs" aria-label={t("evaluation.leaderboard.unscored")}>
          {unscored.map((e) => (
            <li key={e.id} className="flex items-center gap-2">
              <button type="button" className="text-strong hover:text-link hover:underline" onClick={() => onOpen(e.id)}>{evaluationName(e)}</button>
              <Badge tone={ARTIFACT_TONE[e.status]}>{artifactStatusLabel(e.status, t)}</Badge>
              <span className="text-muted tabular-nums">{formatCount(e.itemsDone, locale)} / {formatCount(e.itemsTotal, locale)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <section className="flex flex-col gap-2">
        <h3 className="text-[11px] font-semibold text-muted uppercase">{t("evaluation.heatmap.title")}</h3>
        <DisciplineHeatmap evaluations={evaluations} currentId={currentId} onOpen={onOpen} />
      </section>
    </div>
  );
}
