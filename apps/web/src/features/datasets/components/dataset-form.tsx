"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextField } from "@/components/ui/field";
import { KnowledgeVersionSelect } from "@/features/benchmarks/components/knowledge-version-select";
import { NumberInput } from "@/features/benchmarks/components/number-input";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TDatasetDto, TKnowledgeVersionDto } from "@/lib/api-types";
import { useCreateDataset } from "../hooks/use-create-dataset";
import { createDatasetBody, datasetFormProblems, DEFAULT_BUDGET, DEFAULT_WINDOW, MAX_BUDGET, MAX_SEED, type TDatasetFormValues } from "../lib/dataset-form";
import { DEFAULT_RATIOS, percentsFromRatios } from "../lib/type-counts";
import { RatioInputs } from "./ratio-inputs";

/**
 * A new dataset version: knowledge version, budget, seed and the five question-type shares (with the
 * exact counts they give); window size and true/false balance under "Advanced".
 */
export function DatasetForm({ versions, onStarted, onCancel }: { versions: TKnowledgeVersionDto[]; onStarted: (dataset: TDatasetDto) => void; onCancel?: () => void }) {
  const t = useT();
  const { projectId } = useWorkbench();
  const create = useCreateDataset(projectId);
  const [values, setValues] = useState<TDatasetFormValues>(() => ({
    knowledgeVersionId: versions[0]?.id ?? "",
    name: "",
    budget: DEFAULT_BUDGET,
    seed: 0,
    percents: percentsFromRatios(DEFAULT_RATIOS),
    windowSize: DEFAULT_WINDOW,
    truePercent: 50,
  }));
  const problems = datasetFormProblems(values);
  const set = <K extends keyof TDatasetFormValues>(key: K) => (value: TDatasetFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const problem = (key: (typeof problems)[number]) => (problems.includes(key) ? t("benchmarks.form.outOfRange") : null);

  return (
    <form
      className="flex flex-col gap-4"
      data-testid="dataset-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (problems.length === 0) create.mutate(createDatasetBody(values), { onSuccess: onStarted });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <KnowledgeVersionSelect versions={versions} value={values.knowledgeVersionId} onChange={set("knowledgeVersionId")} />
        <TextField label={t("datasets.form.name")} value={values.name} onChange={(event) => set("name")(event.target.value)} maxLength={120} placeholder={t("datasets.form.namePlaceholder")} />
        <NumberInput label={t("datasets.form.budget")} value={values.budget} onChange={set("budget")} min={1} max={MAX_BUDGET} hint={t("datasets.form.budgetHint")} invalid={problem("budget")} testId="dataset-budget" />
        <NumberInput label={t("datasets.form.seed")} value={values.seed} onChange={set("seed")} min={0} max={MAX_SEED} hint={t("datasets.form.seedHint")} invalid={problem("seed")} />
      </div>
      <RatioInputs percents={values.percents} budget={values.budget} onChange={set("percents")} invalid={problems.includes("ratios")} />
      <details className="rounded-md border border-line px-3 py-2">
        <summary className="cursor-pointer text-xs font-medium text-strong">{t("benchmarks.form.advanced")}</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <NumberInput label={t("datasets.form.windowSize")} value={values.windowSize} onChange={set("windowSize")} min={1} max={1000} hint={t("datasets.form.windowSizeHint")} invalid={problem("windowSize")} />
          <NumberInput label={t("datasets.form.trueShare")} value={values.truePercent} onChange={set("truePercent")} min={0} max={100} step={5} hint={t("datasets.form.trueShareHint")} invalid={problem("trueShare")} />
        </div>
      </details>
      {create.error ? <ErrorMessage error={create.error} /> : null}
      <div className="flex justify-end gap-2">
        {onCancel ? <Button variant="ghost" onClick={onCancel}>{t("common.cancel")}</Button> : null}
        <Button type="submit" variant="primary" icon="play" busy={create.isPending} disabled={problems.length > 0}>{t("datasets.form.start")}</Button>
      </div>
    </form>
  );
}
