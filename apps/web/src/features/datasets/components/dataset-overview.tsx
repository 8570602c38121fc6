"use client";

import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { DonutGauge, Meter } from "@/features/knowledge/components/report-charts";
import { formatCount, formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDatasetDto } from "@/lib/api-types";
import { coverageRows, typeRows } from "../lib/dataset-view";
import { sampleTypeLabel } from "../lib/labels";

function Panel({ title, children, testId, className }: { title: string; children: ReactNode; testId?: string; className?: string }) {
  return (
    <section className={cx("flex flex-col gap-2 rounded-md border border-line p-3", className)} data-testid={testId}>
      <h4 className="text-xs font-semibold text-strong uppercase">{title}</h4>
      {children}
    </section>
  );
}

/** A version's recipe (everything that rebuilds it), per-type targets vs produced, and coverage. */
export function DatasetOverview({ dataset, datasets }: { dataset: TDatasetDto; datasets: TDatasetDto[] }) {
  const t = useT();
  const { locale } = useLocale();
  const { recipe, stats, coverage } = dataset;
  const rows = typeRows(recipe, stats);
  const parent = recipe.parent ? datasets.find((d) => d.id === recipe.parent!.datasetVersionId) : null;
  const head = "px-2 py-1 text-left text-[11px] font-medium text-muted uppercase";
  const recipeFigures: [string, ReactNode][] = [
    [t("datasets.recipe.knowledge"), t("benchmarks.list.knowledgeVersion", { number: dataset.knowledgeVersionNumber })],
    [t("datasets.form.budget"), formatCount(recipe.budget, locale)],
    [t("datasets.form.seed"), String(recipe.seed)],
    [t("datasets.form.windowSize"), formatCount(recipe.windowSize, locale)],
    [t("datasets.form.trueShare"), formatPercent(recipe.trueShare, locale)],
    [t("datasets.recipe.builderVersion"), String(recipe.builderVersion)],
  ];
  if (recipe.parent) recipeFigures.push([t("datasets.recipe.parent"), t("datasets.recipe.parentValue", { number: parent?.number ?? "?", replay: formatPercent(recipe.parent.replayRatio, locale) })]);
  if (recipe.excludeRelationIds?.length || recipe.excludeConceptIds?.length) {
    recipeFigures.push([t("datasets.recipe.excluded"), t("datasets.recipe.excludedValue", { relations: recipe.excludeRelationIds.length, concepts: recipe.excludeConceptIds.length })]);
  }
  if (recipe.forbiddenBenchmarkIds?.length) recipeFigures.push([t("datasets.recipe.forbidden"), formatCount(recipe.forbiddenBenchmarkIds.length, locale)]);
  if (dataset.contentHash) recipeFigures.push([t("datasets.recipe.hash"), <code key="hash" className="text-[11px]" title={dataset.contentHash}>{dataset.contentHash.slice(0, 12)}</code>]);

  return (
    <div className="grid gap-3 xl:grid-cols-2" data-testid="dataset-overview">
      <Panel title={t("datasets.recipe.title")} testId="dataset-recipe">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1.5 sm:grid-cols-3">
          {recipeFigures.map(([label, value]) => (
            <div key={label} className="min-w-0">
              <dt className="truncate text-[11px] text-muted uppercase">{label}</dt>
              <dd className="truncate text-[13px] font-medium text-strong tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      </Panel>
      <Panel title={t("datasets.types.title")} testId="dataset-types">
        <table className="w-full text-[13px]">
          <caption className="sr-only">{t("datasets.types.title")}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className={head}>{t("datasets.types.type")}</th>
              <th scope="col" className={cx(head, "text-right")}>{t("datasets.types.ratio")}</th>
              <th scope="col" className={cx(head, "text-right")}>{t("datasets.types.target")}</th>
              <th scope="col" className={cx(head, "text-right")}>{t("datasets.types.produced")}</th>
              <th scope="col" className={cx(head, "text-right")}>{t("datasets.types.shortfall")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.type} className="border-b border-line/50" data-type={row.type}>
                <th scope="row" className="px-2 py-1 text-left font-normal text-fg">{sampleTypeLabel(row.type, t)}</th>
                <td className="px-2 py-1 text-right text-muted tabular-nums">{formatPercent(recipe.ratios[row.type], locale)}</td>
                <td className="px-2 py-1 text-right tabular-nums">{formatCount(row.target, locale)}</td>
                <td className="px-2 py-1 text-right tabular-nums" data-testid="dataset-type-produced">{formatCount(row.produced, locale)}</td>
                <td className={cx("px-2 py-1 text-right tabular-nums", row.shortfall > 0 ? "text-warning" : "text-muted")}>{formatCount(row.shortfall, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {stats ? (
          <p className="text-[11px] text-muted">
            {t("datasets.types.statements", { trues: formatCount(stats.trueStatements, locale), falses: formatCount(stats.falseStatements, locale), redrafted: formatCount(stats.redraftedForForbidden, locale), dropped: formatCount(stats.droppedForForbidden, locale) })}
          </p>
        ) : null}
      </Panel>
      <Panel title={t("datasets.coverage.title")} testId="dataset-coverage" className="xl:col-span-2">
        {coverage ? (
          <div className="flex flex-col gap-3 md:flex-row md:items-start">
            <div className="flex shrink-0 gap-4">
              <DonutGauge value={coverage.concepts.share} label={t("datasets.coverage.concepts", { taught: formatCount(coverage.concepts.taught, locale), total: formatCount(coverage.concepts.total, locale) })} testId="dataset-coverage-concepts" />
              <DonutGauge value={coverage.relations.share} tone="accent" label={t("datasets.coverage.relations", { taught: formatCount(coverage.relations.taught, locale), total: formatCount(coverage.relations.total, locale) })} testId="dataset-coverage-relations" />
            </div>
            <div className="flex min-w-0 flex-1 flex-col gap-2" data-testid="dataset-coverage-disciplines">
              <p className="text-xs text-muted">{t("datasets.coverage.hint")}</p>
              {coverageRows(coverage).map((row) => (
                <div key={row.discipline} className="flex flex-col gap-0.5">
                  <span className="text-xs font-medium text-strong">{row.discipline}</span>
                  <Meter value={row.concepts.share} label={t("datasets.coverage.conceptsShort")} detail={`${row.concepts.taught} / ${row.concepts.total}`} tone="success" />
                  <Meter value={row.relations.share} label={t("datasets.coverage.relationsShort")} detail={`${row.relations.taught} / ${row.relations.total}`} />
                </div>
              ))}
            </div>
          </div>
        ) : (
          <p className="text-xs text-muted">{t("datasets.coverage.none")}</p>
        )}
      </Panel>
    </div>
  );
}
