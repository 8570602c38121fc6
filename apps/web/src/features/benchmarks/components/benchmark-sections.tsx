"use client";

import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TBenchmarkDto } from "@/lib/api-types";
import { useBenchmark } from "../hooks/use-benchmark";
import { isUsable } from "../lib/artifact-status";
import { BenchmarkStats } from "./benchmark-stats";
import { BenchmarksList } from "./benchmarks-list";
import { ItemsTable } from "./items-table";
import { StageTabs } from "./stage-tabs";

export const TESTER_TABS = ["stats", "items", "benchmarks"] as const;
export type TTesterTab = (typeof TESTER_TABS)[number];

/** The shown benchmark's sections: statistics, the items table, and the list of all benchmarks. */
export function BenchmarkSections({
  projectId,
  benchmark,
  benchmarks,
  tab,
  onTab,
  reviewable,
  selectedItemId,
  onSelectItem,
  onOpenItem,
  onOpenBenchmark,
}: {
  projectId: string;
  benchmark: TBenchmarkDto;
  benchmarks: TBenchmarkDto[];
  tab: TTesterTab;
  onTab: (tab: TTesterTab) => void;
  reviewable: boolean;
  selectedItemId: string | null;
  onSelectItem: (id: string) => void;
  onOpenItem: (id: string, edit?: boolean) => void;
  onOpenBenchmark: (id: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const detail = useBenchmark(projectId, benchmark.id);
  const stats = detail.data?.stats;
  const disciplines = Object.keys(stats?.byDiscipline ?? {}).sort();
  const usable = isUsable(benchmark);
  const notReady = (
    <EmptyState icon="tester" title={t("benchmarks.notReady.title", { number: benchmark.number })} className="rounded-md border border-dashed border-line-strong">
      {benchmark.status === "building" ? t("benchmarks.notReady.building") : t("benchmarks.notReady.body")}
    </EmptyState>
  );

  return (
    <StageTabs
      idPrefix="tester"
      label={t("benchmarks.sections")}
      tab={tab}
      onTab={onTab}
      tabs={[
        { id: "stats", label: t("benchmarks.tab.stats"), icon: "report" },
        { id: "items", label: t("benchmarks.tab.items"), icon: "tester", count: formatCount(benchmark.itemCount, locale) },
        { id: "benchmarks", label: t("benchmarks.tab.benchmarks"), icon: "database", count: formatCount(benchmarks.length, locale) },
      ]}
    >
      {tab === "stats" ? (
        !usable ? notReady
        : detail.isPending ? <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("benchmarks.loading")}</p>
        : detail.isError ? <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />
        : stats ? <div className="overflow-auto"><BenchmarkStats benchmark={detail.data.benchmark} stats={stats} /></div> : null
      ) : tab === "items" ? (
        usable ? (
          <ItemsTable key={benchmark.id} benchmarkId={benchmark.id} disciplines={disciplines} reviewable={reviewable}
            selectedId={selectedItemId} onSelect={onSelectItem} onOpenItem={onOpenItem} />
        ) : notReady
      ) : (
        <BenchmarksList benchmarks={benchmarks} currentId={benchmark.id} onOpen={onOpenBenchmark} />
      )}
    </StageTabs>
  );
}
