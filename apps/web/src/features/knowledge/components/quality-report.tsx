"use client";

import { useState, type ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { CountBars } from "@/features/corpus/components/funnel-bars";
import { Card } from "@/features/workbench/components/view-frame";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TKnowledgeVersionDto } from "@/lib/api-types";
import { formatCompact, formatDecimal, formatUsd } from "../lib/format-knowledge";
import { rejectReasonLabel } from "../lib/knowledge-labels";
import { readReport } from "../lib/report";
import { DisciplineSelect } from "./discipline-select";
import { DegreeHistogram, DistributionBar, DisciplineBars, DonutGauge, Meter, StatTile } from "./report-charts";
import { formatCount, formatPercent } from "@/i18n/format";

function Panel({ title, children, testId, className }: { title: string; children: ReactNode; testId?: string; className?: string }) {
  return (
    <div data-testid={testId} className={className}>
      <Card title={title}>{children}</Card>
    </div>
  );
}

/** The version's quality report: size, connectivity, orphans, degrees, chain shape, rejects, cost. */
export function QualityReport({ version }: { version: TKnowledgeVersionDto }) {
  const t = useT();
  const { locale } = useLocale();
  const report = readReport(version);
  const [discipline, setDiscipline] = useState("");
  if (!report) {
    return <EmptyState icon="alert" title={t("knowledge.report.missingTitle")}>{t("knowledge.report.missingBody")}</EmptyState>;
  }
  const scoped = (discipline && report.disciplines.find((d) => d.discipline === discipline)) || report.total;
  const builtin = version.providerKind === "builtin";
  const lccTone = scoped.lccRatio >= 0.5 ? "success" : scoped.lccRatio >= 0.2 ? "warning" : "danger";
  const orphanTone = scoped.orphanShare <= 0.1 ? "success" : scoped.orphanShare <= 0.3 ? "warning" : "danger";

  return (
    <div className="flex flex-col gap-4" data-testid="knowledge-report">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted">
          {t("knowledge.report.summary", { number: version.number, provider: builtin ? t("knowledge.run.builtinProvider") : version.providerName, chunks: formatCount(version.chunksTotal, locale) })}
        </p>
        <DisciplineSelect disciplines={report.disciplines.map((d) => d.discipline)} value={discipline} onChange={setDiscipline} />
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-6">
        <StatTile label={t("knowledge.report.concepts")} value={formatCount(scoped.concepts, locale)} testId="knowledge-report-concepts" />
        <StatTile label={t("knowledge.report.relations")} value={formatCount(scoped.relations, locale)} testId="knowledge-report-relations"
          detail={t("knowledge.report.density", { value: formatDecimal(scoped.density, locale, 4) })} />
        <StatTile label={t("knowledge.report.chains")} value={formatCount(scoped.chains, locale)} testId="knowledge-report-chains"
          detail={t("knowledge.report.relationsPerChain", { value: formatDecimal(scoped.relationsPerChain, locale, 1) })} />
        <StatTile label={t("knowledge.report.lcc")} value={formatPercent(scoped.lccRatio, locale)} testId="knowledge-report-lcc" tone={lccTone === "danger" ? "danger" : undefined}
          detail={t("knowledge.report.components", { count: formatCount(scoped.components, locale), largest: formatCount(scoped.largestComponent, locale) })} />
        <StatTile label={t("knowledge.report.orphans")} value={formatCount(scoped.orphanConcepts, locale)} testId="knowledge-report-orphans" tone={orphanTone === "danger" ? "warning" : undefined}
          detail={formatPercent(scoped.orphanShare, locale)} />
        <StatTile label={t("knowledge.report.verified")} value={formatPercent(report.verifiedQuoteShare, locale)} testId="knowledge-report-verified"
          detail={t("knowledge.report.rejectedItems", { count: formatCount(report.rejectedItems, locale) })} />
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        {report.disciplines.length > 0 && !discipline ? (
          <Panel title={t("knowledge.report.perDiscipline")} className="lg:col-span-2">
            <DisciplineBars disciplines={report.disciplines} />
          </Panel>
        ) : null}
        <Panel title={t("knowledge.report.connectivity")}>
          <div className="flex flex-wrap items-center gap-6">
            <DonutGauge value={scoped.lccRatio} label={t("knowledge.report.lccLong")} tone={lccTone === "success" ? "success" : "warning"} testId="knowledge-report-lcc-gauge" />
            <div className="flex min-w-64 flex-1 flex-col gap-2">
              <Meter label={t("knowledge.report.lccShort")} value={scoped.lccRatio} tone={lccTone} />
              <Meter label={t("knowledge.report.orphanShare")} value={scoped.orphanShare} tone={orphanTone === "success" ? "success" : orphanTone} />
              <Meter label={t("knowledge.report.outside")} value={scoped.concepts ? scoped.outsideLargestComponent / scoped.concepts : 0} tone="warning"
                detail={formatCount(scoped.outsideLargestComponent, locale)} />
              {scoped.danglingRelations ? <p className="text-xs text-warning">{t("knowledge.report.dangling", { count: formatCount(scoped.danglingRelations, locale) })}</p> : null}
            </div>
          </div>
        </Panel>
        <Panel title={t("knowledge.report.verifiedTitle")}>
          <div className="flex flex-wrap items-center gap-6">
            <DonutGauge value={report.verifiedQuoteShare} label={t("knowledge.report.verifiedLong")} testId="knowledge-report-verified-gauge" />
            <p className="min-w-48 flex-1 text-xs text-muted">{t("knowledge.report.verifiedBody")}</p>
          </div>
        </Panel>
        <Panel title={t("knowledge.report.degrees")}>
          <DegreeHistogram buckets={scoped.degreeHistogram} label={t("knowledge.report.degreesLabel")} />
          <DistributionBar dist={scoped.degree} label={t("knowledge.report.degree")} unit={t("knowledge.report.neighboursUnit")} />
        </Panel>
        <Panel title={t("knowledge.report.chainShape")}>
          {scoped.chains ? (
            <div className="flex flex-col gap-3">
              <DistributionBar dist={scoped.stepsPerChain} label={t("knowledge.report.stepsPerChain")} unit={t("knowledge.report.stepsUnit")} />
              <p className="text-xs text-muted">{t("knowledge.report.chainLegend")}</p>
            </div>
          ) : (
            <p className="text-xs text-muted">{t("knowledge.report.noChains")}</p>
          )}
        </Panel>
        <Panel title={t("knowledge.report.rejected")} testId="knowledge-report-rejected">
          {report.rejected.length ? (
            <CountBars
              label={t("knowledge.report.rejected")}
              tone="danger"
              items={report.rejected.map((r) => ({ key: r.reason, label: rejectReasonLabel(r.reason, t), count: r.count, title: r.reason }))}
            />
          ) : (
            <p className="text-xs text-muted">{t("knowledge.report.noRejected")}</p>
          )}
          {report.rejectedItems ? <p className="mt-2 text-xs text-muted">{t("knowledge.report.rejectedItemsBody", { count: formatCount(report.rejectedItems, locale) })}</p> : null}
        </Panel>
        <Panel title={t("knowledge.report.usage")} testId="knowledge-report-usage">
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <StatTile label={t("knowledge.report.promptTokens")} value={formatCompact(report.tokens.prompt, locale)} />
            <StatTile label={t("knowledge.report.completionTokens")} value={formatCompact(report.tokens.completion, locale)} />
            <StatTile label={t("knowledge.report.perChunk")} value={formatDecimal(report.tokens.perChunk, locale, 0)} />
            <StatTile label={t("knowledge.report.cost")} value={builtin ? t("knowledge.estimate.free") : formatUsd(report.costUsd, locale)}
              detail={version.cachedCalls ? t("knowledge.report.cached", { count: formatCount(version.cachedCalls, locale) }) : undefined} />
          </dl>
        </Panel>
      </div>
    </div>
  );
}
