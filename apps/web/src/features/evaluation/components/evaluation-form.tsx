"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField } from "@/components/ui/field";
import { NumberInput } from "@/features/benchmarks/components/number-input";
import { backendLabel } from "@/features/training/lib/labels";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TBenchmarkDto, TEvaluationDto, TModelDto } from "@/lib/api-types";
import { useStartEvaluation } from "../hooks/use-start-evaluation";
import { EVALUATION_BOUNDS as B, evaluationBody, evaluationFormProblems, initialEvaluationValues, isAskable, type TEvaluationFormValues } from "../lib/settings-form";

/**
 * A new evaluation: a frozen benchmark, a registered model that can be asked, and how to ask it
 * (concurrency, temperature, an item limit; retries and reply length under "Advanced").
 */
export function EvaluationForm({
  benchmarks,
  models,
  benchmarkId,
  modelId,
  onStarted,
  onCancel,
}: {
  benchmarks: TBenchmarkDto[];
  models: TModelDto[];
  benchmarkId?: string;
  modelId?: string;
  onStarted: (evaluation: TEvaluationDto) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const { projectId } = useWorkbench();
  const start = useStartEvaluation(projectId);
  const askable = models.filter(isAskable);
  const [chosen, setValues] = useState<TEvaluationFormValues>(() => initialEvaluationValues(benchmarkId ?? "", modelId ?? ""));
  // What was asked for if it can be used, else the newest frozen benchmark and the newest askable model.
  const values: TEvaluationFormValues = {
    ...chosen,
    benchmarkId: benchmarks.some((b) => b.id === chosen.benchmarkId) ? chosen.benchmarkId : (benchmarks[0]?.id ?? ""),
    modelId: askable.some((m) => m.id === chosen.modelId) ? chosen.modelId : (askable[0]?.id ?? ""),
  };
  const problems = evaluationFormProblems(values);
  const set = <K extends keyof TEvaluationFormValues>(key: K) => (value: TEvaluationFormValues[K]) => setValues({ ...values, [key]: value });
  const problem = (key: (typeof problems)[number]) => (problems.includes(key) ? t("benchmarks.form.outOfRange") : null);

  return (
    <form
      className="flex flex-col gap-4"
      data-testid="evaluation-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (problems.length === 0) start.mutate(evaluationBody(values), { onSuccess: onStarted });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label={t("evaluation.form.benchmark")} value={values.benchmarkId} onChange={(event) => set("benchmarkId")(event.target.value)} hint={t("evaluation.form.benchmarkHint")} required>
          {values.benchmarkId === "" ? <option value="">—</option> : null}
          {benchmarks.map((b) => <option key={b.id} value={b.id}>{t("evaluation.form.benchmarkOption", { number: b.number, name: b.name, items: b.itemCount })}</option>)}
        </SelectField>
        <SelectField label={t("evaluation.form.model")} value={values.modelId} onChange={(event) => set("modelId")(event.target.value)} hint={t("evaluation.form.modelHint")} required data-testid="evaluation-model">
          {values.modelId === "" ? <option value="">—</option> : null}
          {models.map((m) => <option key={m.id} value={m.id} disabled={!isAskable(m)}>{m.name} · {backendLabel(m.backend, t)}{isAskable(m) ? "" : ` · ${t("models.notServed")}`}</option>)}
        </SelectField>
        <NumberInput label={t("evaluation.form.concurrency")} value={values.concurrency} onChange={set("concurrency")} min={B.concurrency.min} max={B.concurrency.max} hint={t("evaluation.form.concurrencyHint")} invalid={problem("concurrency")} />
        <NumberInput label={t("evaluation.form.temperature")} value={values.temperature} onChange={set("temperature")} min={B.temperature.min} max={B.temperature.max} step={0.1} hint={t("evaluation.form.temperatureHint")} invalid={problem("temperature")} />
        <NumberInput label={t("evaluation.form.limit")} value={values.limit} onChange={set("limit")} min={B.limit.min} max={B.limit.max} hint={t("evaluation.form.limitHint")} invalid={problem("limit")} testId="evaluation-limit" />
      </div>
      <details className="rounded-md border border-line px-3 py-2">
        <summary className="cursor-pointer text-xs font-medium text-strong">{t("benchmarks.form.advanced")}</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <NumberInput label={t("evaluation.form.maxRetries")} value={values.maxRetries} onChange={set("maxRetries")} min={B.maxRetries.min} max={B.maxRetries.max} hint={t("evaluation.form.maxRetriesHint")} invalid={problem("maxRetries")} />
          <NumberInput label={t("evaluation.form.maxTokens")} value={values.maxTokens} onChange={set("maxTokens")} min={B.maxTokens.min} max={B.maxTokens.max} hint={t("evaluation.form.maxTokensHint")} invalid={problem("maxTokens")} />
        </div>
      </details>
      {models.length === 0 ? <ErrorMessage message={t("evaluation.form.noModels")} /> : null}
      {start.error ? <ErrorMessage error={start.error} /> : null}
      <div className="flex justify-end gap-2">
        {onCancel ? <Button variant="ghost" onClick={onCancel}>{t("common.cancel")}</Button> : null}
        <Button type="submit" variant="primary" icon="play" busy={start.isPending} disabled={problems.length > 0}>{t("evaluation.form.start")}</Button>
      </div>
    </form>
  );
}
