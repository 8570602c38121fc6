"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useDatasets } from "@/features/datasets/hooks/use-datasets";
import { useDebouncedValue } from "@/features/knowledge/hooks/use-debounced-value";
import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TDiagnosisRunDto } from "@/lib/api-types";
import { useBuildPatch } from "../hooks/use-build-patch";
import { usePatchEstimate } from "../hooks/use-patch-estimate";
import { estimateBody, initialPatchValues, PATCH_BOUNDS, patchBody, patchFormProblems, type TPatchFormValues } from "../lib/patch-form";
import { PatchEstimate } from "./patch-estimate";
import { PatchVersions } from "./patch-versions";

const ESTIMATE_DEBOUNCE_MS = 400;

/**
 * The patch planner: budget, replay ratio, seed and the random control. The estimate follows the
 * form once it settles (debounced; nothing is stored); "Build V2" builds the patched version and its
 * control from the reviewed diagnoses, and their builds are followed below.
 */
export function PatchPlanner({ run, canBuild }: { run: TDiagnosisRunDto; canBuild: boolean }) {
  const t = useT();
  const { projectId } = useWorkbench();
  const { selectJob } = useJobFocus();
  const [values, setValues] = useState<TPatchFormValues>(initialPatchValues);
  const problems = patchFormProblems(values);
  // Debounced as a string: a fresh options object each render would restart the timer forever.
  const settledKey = useDebouncedValue(JSON.stringify(estimateBody(values)), ESTIMATE_DEBOUNCE_MS);
  const settled = useMemo(() => JSON.parse(settledKey) as ReturnType<typeof estimateBody>, [settledKey]);
  const ready = run.status === "ready" && run.datasetVersionId !== null;
  const estimate = usePatchEstimate(projectId, run.id, settled, canBuild && ready);
  const build = useBuildPatch(projectId, run.id);
  const datasets = useDatasets(projectId);
  const versions = (datasets.data ?? []).filter((d) => d.recipe.diagnosisRunId === run.id);
  const set = (key: "budget" | "replayPercent" | "seed") => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });

  if (!run.datasetVersionId) {
    return <EmptyState icon="builder" title={t("debugger.patch.baseModelTitle")} className="rounded-md border border-dashed border-line-strong">{t("debugger.patch.baseModelBody")}</EmptyState>;
  }
  if (!canBuild) {
    return (
      <div className="flex flex-col gap-3">
        <EmptyState icon="builder" title={t("debugger.patch.readOnlyTitle")} className="rounded-md border border-dashed border-line-strong">{t("debugger.patch.readOnlyBody")}</EmptyState>
        <PatchVersions versions={versions} />
      </div>
    );
  }
  const submit = () => {
    const body = patchBody(values);
    if (!body) return;
    build.mutate(body, { onSuccess: (result) => { if (result.v2.jobId) selectJob(result.v2.jobId); } });
  };
  return (
    <div className="flex flex-col gap-4" data-testid="debugger-patch-planner">
      <form className="flex flex-col gap-3 rounded-md border border-line p-3" data-testid="debugger-patch-form" onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <p className="text-xs text-muted">{t("debugger.patch.description")}</p>
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField label={t("debugger.patch.budget")} type="number" inputMode="numeric" min={PATCH_BOUNDS.budget.min} max={PATCH_BOUNDS.budget.max} value={values.budget} onChange={set("budget")}
            hint={t("debugger.patch.budgetHint")} error={problems.has("budget") ? t("debugger.patch.budgetInvalid", { max: PATCH_BOUNDS.budget.max }) : null} data-testid="debugger-patch-budget" />
          <TextField label={t("debugger.patch.replayRatio")} type="number" min={0} max={100} step="any" value={values.replayPercent} onChange={set("replayPercent")}
            hint={t("debugger.patch.replayHint")} error={problems.has("replayPercent") ? t("debugger.patch.replayInvalid") : null} data-testid="debugger-patch-replay" />
          <TextField label={t("debugger.patch.seed")} type="number" inputMode="numeric" min={0} value={values.seed} onChange={set("seed")}
            error={problems.has("seed") ? t("debugger.patch.seedInvalid") : null} data-testid="debugger-patch-seed" />
        </div>
        <label className="flex items-start gap-2 text-[13px]">
          <input type="checkbox" className="mt-0.5" checked={values.control} onChange={(event) => setValues({ ...values, control: event.target.checked })} data-testid="debugger-patch-control" />
          <span>
            <span className="font-medium text-strong">{t("debugger.patch.control")}</span>
            <span className="block text-xs text-muted">{t("debugger.patch.controlHint")}</span>
          </span>
        </label>
        {!ready ? <p className="text-xs text-muted">{t("debugger.patch.notReady")}</p>
          : estimate.isError ? <ErrorMessage error={estimate.error} onRetry={() => void estimate.refetch()} />
          : estimate.data ? <PatchEstimate estimate={estimate.data} stale={estimate.isFetching || estimate.isPlaceholderData} />
          : problems.size === 0 ? <p role="status" className="flex items-center gap-2 text-xs text-muted"><Spinner size={12} /> {t("debugger.patch.estimating")}</p> : null}
        {build.error ? <ErrorMessage error={build.error} /> : null}
        <div className="flex justify-end">
          <Button type="submit" variant="primary" icon="builder" busy={build.isPending} disabled={!ready || problems.size > 0} data-testid="debugger-build-v2">
            {values.control ? t("debugger.patch.buildWithControl") : t("debugger.patch.build")}
          </Button>
        </div>
      </form>
      <PatchVersions versions={versions} />
    </div>
  );
}
