"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { ArtifactProgress } from "@/features/benchmarks/components/artifact-progress";
import { ARTIFACT_TONE } from "@/features/benchmarks/lib/artifact-status";
import { artifactStatusLabel } from "@/features/benchmarks/lib/labels";
import { datasetKeys } from "@/features/datasets/query-keys";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { stageView } from "@/features/workbench/lib/views";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDatasetDto } from "@/lib/api-types";
import { stageHref } from "../lib/links";
import { LineageButton } from "./lineage-button";

/** Patch figures of a built V2 or control, from its build stats. */
function patchFigures(dataset: TDatasetDto, t: ReturnType<typeof useT>, n: (v: number) => string): string | null {
  const patch = dataset.stats?.patch;
  if (!patch) return null;
  return patch.kind === "patch"
    ? t("debugger.versions.patchFigures", { refine: n(patch.refine), cot: n(patch.chainOfThought), replayed: n(patch.replayed), excluded: n(patch.excludedFromReplay) })
    : t("debugger.versions.controlFigures", { drawn: n(patch.drawn), replayed: n(patch.replayed), shortfall: n(patch.shortfall) });
}

/** The V2 and random-control versions built from this run: build progress (Cancel), figures, and where to open them. */
export function PatchVersions({ versions }: { versions: TDatasetDto[] }) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, addTab } = useWorkbench();
  const n = (v: number) => formatCount(v, locale);
  if (versions.length === 0) return null;
  return (
    <section className="flex flex-col gap-2" aria-label={t("debugger.versions.title")} data-testid="debugger-patch-versions">
      <h4 className="text-xs font-semibold text-strong uppercase">{t("debugger.versions.title")}</h4>
      {versions.map((d) => {
        const kind = d.recipe.kind === "control" ? "control" : "patch";
        return d.status === "building" ? (
          <ArtifactProgress key={d.id} title={t(`debugger.versions.${kind}`, { number: d.number })} icon="builder" status={d.status} jobId={d.jobId} error={d.error}
            refresh={datasetKeys.project(projectId)} testId={`debugger-${kind}-build`}
            figures={[["samples", t("datasets.progress.samples"), `${n(d.sampleCount)} / ${n(d.recipe.budget)}`]]} />
        ) : (
          <div key={d.id} className="flex flex-wrap items-center gap-2 rounded-md border border-line px-3 py-2 text-[13px]" data-testid={`debugger-${kind}-build`} data-status={d.status}>
            <span className="font-medium text-strong">{t(`debugger.versions.${kind}`, { number: d.number })}</span>
            <Badge tone={ARTIFACT_TONE[d.status]}>{artifactStatusLabel(d.status, t)}</Badge>
            <span className="text-xs text-muted tabular-nums">{t("debugger.versions.samples", { count: n(d.sampleCount) })}</span>
            <span className="min-w-0 flex-1 truncate text-xs text-muted">{patchFigures(d, t, n) ?? d.error ?? ""}</span>
            <LineageButton type="dataset_version" id={d.id} size="sm" />
            <Link href={stageHref(projectId, "builder", { d: d.id })} onClick={() => addTab(stageView("builder"))} className={buttonClass("secondary", "sm")} data-testid="debugger-open-builder">
              {t("debugger.versions.openBuilder")}
            </Link>
          </div>
        );
      })}
    </section>
  );
}
