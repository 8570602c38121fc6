"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Meter, StatTile } from "@/features/knowledge/components/report-charts";
import { formatDecimal } from "@/features/knowledge/lib/format-knowledge";
import { formatCount, formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TBenchmarkDto, TBenchmarkStatsDto } from "@/lib/api-types";
import { modeLabel, operatorLabel } from "../lib/labels";
import { countRows, GUESSER_MARGIN, guesserVerdict, parityOk, positionBars, skippedByReason } from "../lib/stats-view";
import { CountBars } from "./count-bars";
import { PositionHistogram } from "./position-histogram";

function Panel({ title, children, badge, testId }: { title: string; children: ReactNode; badge?: ReactNode; testId?: string }) {
  return (
    <section className="flex flex-col gap-2 rounded-md border border-line p-3" data-testid={testId}>
      <h4 className="flex items-center gap-2 text-xs font-semibold text-strong uppercase">{title}{badge}</h4>
      {children}
    </section>
  );
}

function Verdict({ ok, good, bad }: { ok: boolean; good: string; bad: string }) {
  return <Badge tone={ok ? "success" : "warning"}>{ok ? good : bad}</Badge>;
}

/**
 * The benchmark's blind tests and balance: where the answers sit (per label), option-length parity,
 * whether a length-only guesser beats chance, and counts per discipline, operator and mode.
 */
export function BenchmarkStats({ benchmark, stats }: { benchmark: TBenchmarkDto; stats: TBenchmarkStatsDto }) {
  const t = useT();
  const { locale } = useLocale();
  const guess = guesserVerdict(stats.lengthGuesser);
  const parity = stats.lengthParity;
  const single = positionBars(stats.answerPositions.single);
  const hasMulti = Object.keys(stats.answerPositions.multi ?? {}).length > 0 && (stats.byMode.multi ?? 0) > 0;
  const pct = (v: number) => formatPercent(v, locale);

  return (
    <div className="flex flex-col gap-3" data-testid="benchmark-stats">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <StatTile label={t("benchmarks.stats.items")} value={formatCount(stats.items, locale)} testId="benchmark-stats-items"
          detail={t("benchmarks.stats.itemsDetail", { single: formatCount(stats.byMode.single ?? 0, locale), multi: formatCount(stats.byMode.multi ?? 0, locale) })} />
        <StatTile label={t("benchmarks.stats.maxRatio")} value={formatDecimal(parity.maxRatio, locale, 2)} testId="benchmark-stats-max-ratio"
          tone={parityOk(parity) ? undefined : "warning"} detail={t("benchmarks.stats.bound", { bound: formatDecimal(parity.bound, locale, 2) })} />
        <StatTile label={t("benchmarks.stats.guesser")} value={pct(guess.single.best)} testId="benchmark-stats-guesser"
          tone={guess.single.ok ? undefined : "warning"} detail={t("benchmarks.stats.chance", { chance: pct(guess.single.chance) })} />
        <StatTile label={t("benchmarks.stats.chainLength")} value={formatDecimal(stats.chainLength.mean, locale, 1)}
          detail={t("benchmarks.stats.chainLengthMax", { max: formatCount(stats.chainLength.max, locale) })} />
      </dl>
      <div className="grid gap-3 xl:grid-cols-2">
        <Panel title={t("benchmarks.stats.positions")} testId="benchmark-positions"
          badge={<Verdict ok={single.maxDeviation <= GUESSER_MARGIN} good={t("benchmarks.stats.balanced")} bad={t("benchmarks.stats.unbalanced")} />}>
          <p className="text-xs text-muted">{t("benchmarks.stats.positionsHint")}</p>
          <PositionHistogram positions={stats.answerPositions.single} label={t("benchmarks.stats.positionsSingle")} testId="benchmark-position-histogram" />
          {hasMulti ? (
            <details>
              <summary className="cursor-pointer text-xs text-fg">{t("benchmarks.stats.positionsMulti")}</summary>
              <PositionHistogram positions={stats.answerPositions.multi} label={t("benchmarks.stats.positionsMulti")} />
            </details>
          ) : null}
        </Panel>
        <Panel title={t("benchmarks.stats.parity")} testId="benchmark-parity"
          badge={<Verdict ok={parityOk(parity)} good={t("benchmarks.stats.withinBound")} bad={t("benchmarks.stats.overBound")} />}>
          <p className="text-xs text-muted">{t("benchmarks.stats.parityHint", { bound: formatDecimal(parity.bound, locale, 2) })}</p>
          <dl className="grid grid-cols-3 gap-2 text-[13px]">
            <div><dt className="text-[11px] text-muted uppercase">{t("benchmarks.stats.maxRatio")}</dt><dd className="font-semibold tabular-nums">{formatDecimal(parity.maxRatio, locale, 2)}</dd></div>
            <div><dt className="text-[11px] text-muted uppercase">{t("benchmarks.stats.meanRatio")}</dt><dd className="font-semibold tabular-nums">{formatDecimal(parity.meanRatio, locale, 2)}</dd></div>
            <div><dt className="text-[11px] text-muted uppercase">{t("benchmarks.stats.withinShare")}</dt><dd className="font-semibold tabular-nums" data-testid="benchmark-parity-within">{pct(parity.withinBound)}</dd></div>
          </dl>
          <Meter value={parity.withinBound} label={t("benchmarks.stats.withinShare")} tone={parity.withinBound >= 1 ? "success" : "warning"} />
        </Panel>
        <Panel title={t("benchmarks.stats.guesserTitle")} testId="benchmark-guesser"
          badge={<Verdict ok={guess.single.ok && guess.multi.ok} good={t("benchmarks.stats.noSignal")} bad={t("benchmarks.stats.signal")} />}>
          <p className="text-xs text-muted">{t("benchmarks.stats.guesserHint", { margin: pct(GUESSER_MARGIN) })}</p>
          {guess.single.items > 0 ? (
            <div className="flex flex-col gap-1">
              <Meter value={stats.lengthGuesser.single.longest.accuracy} label={t("benchmarks.stats.longest")} tone={stats.lengthGuesser.single.longest.accuracy - guess.single.chance > GUESSER_MARGIN ? "warning" : "accent"} />
              <Meter value={stats.lengthGuesser.single.shortest.accuracy} label={t("benchmarks.stats.shortest")} tone={stats.lengthGuesser.single.shortest.accuracy - guess.single.chance > GUESSER_MARGIN ? "warning" : "accent"} />
              <Meter value={guess.single.chance} label={t("benchmarks.stats.chanceLabel")} tone="success" />
            </div>
          ) : null}
          {guess.multi.items > 0 ? (
            <p className="text-xs text-fg">{t("benchmarks.stats.multiLonger", { share: pct(guess.multi.share), pairs: formatCount(stats.lengthGuesser.multi.pairs, locale) })}</p>
          ) : null}
        </Panel>
        <Panel title={t("benchmarks.stats.counts")} testId="benchmark-counts">
          <h5 className="text-[11px] text-muted uppercase">{t("benchmarks.stats.byDiscipline")}</h5>
          <CountBars rows={countRows(stats.byDiscipline)} label={t("benchmarks.stats.byDiscipline")} testId="benchmark-by-discipline" />
          <h5 className="text-[11px] text-muted uppercase">{t("benchmarks.stats.byOperator")}</h5>
          <CountBars rows={countRows(stats.byOperator)} label={t("benchmarks.stats.byOperator")} format={(key) => operatorLabel(key, t)} tone="info" testId="benchmark-by-operator" />
          <h5 className="text-[11px] text-muted uppercase">{t("benchmarks.stats.byMode")}</h5>
          <CountBars rows={countRows(stats.byMode)} label={t("benchmarks.stats.byMode")} format={(key) => modeLabel(key, t)} tone="success" />
        </Panel>
      </div>
      {benchmark.skipped?.length ? (
        <Panel title={t("benchmarks.stats.skipped")}>
          <p className="text-xs text-muted">{t("benchmarks.stats.skippedHint")}</p>
          <CountBars rows={countRows(skippedByReason(benchmark.skipped))} label={t("benchmarks.stats.skipped")} />
        </Panel>
      ) : null}
    </div>
  );
}
