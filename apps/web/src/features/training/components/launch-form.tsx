"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TDatasetDto, TTrainerBackend, TTrainingRunDto } from "@/lib/api-types";
import { useStartRun } from "../hooks/use-start-run";
import { useTrainingBackends } from "../hooks/use-training-backends";
import { frozenVersions, gateState, isTrainable } from "../lib/dataset-gate";
import { initialHyperparameters, readHyperparameters, type TRawHyperparameters } from "../lib/hyperparameters";
import { backendLabel } from "../lib/labels";
import { DatasetVersionSelect } from "./dataset-version-select";
import { HyperparameterFields } from "./hyperparameter-fields";

/**
 * A new training run: the backend (each with whether it can run here, and why not), a frozen dataset
 * version that passed the contamination guard, the base model where the backend fine-tunes one, and
 * the backend's hyperparameters with their defaults and bounds. Edits are kept per backend.
 */
export function LaunchForm({ datasets, onStarted, onCancel }: { datasets: TDatasetDto[]; onStarted: (run: TTrainingRunDto) => void; onCancel?: () => void }) {
  const t = useT();
  const { projectId } = useWorkbench();
  const backends = useTrainingBackends(projectId);
  const start = useStartRun(projectId);
  const versions = frozenVersions(datasets);
  const [chosenBackend, setChosenBackend] = useState<TTrainerBackend | null>(null);
  const [chosenVersionId, setDatasetVersionId] = useState("");
  const [baseModelId, setBaseModelId] = useState("");
  const [raw, setRaw] = useState<Partial<Record<TTrainerBackend, TRawHyperparameters>>>({});
  const [submitted, setSubmitted] = useState(false);

  if (backends.isPending) return <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("training.form.loadingBackends")}</p>;
  if (backends.isError) return <ErrorMessage error={backends.error} onRetry={() => void backends.refetch()} />;

  const list = backends.data;
  const backendName = chosenBackend ?? list.find((b) => b.available)?.backend ?? list[0]?.backend ?? "builtin-student";
  const backend = list.find((b) => b.backend === backendName);
  const fields = backend?.fields ?? [];
  const values = raw[backendName] ?? initialHyperparameters(fields);
  const read = readHyperparameters(fields, values);
  // Until one is picked, the newest version the guard let through (the list may still be refreshing).
  const datasetVersionId = chosenVersionId || (versions.find(isTrainable)?.id ?? "");
  const dataset = versions.find((v) => v.id === datasetVersionId);
  const problems = submitted ? read.problems : {};
  const canStart = !!backend?.available && !!dataset && isTrainable(dataset) && Object.keys(read.problems).length === 0;

  return (
    <form
      className="flex flex-col gap-4"
      data-testid="training-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (!canStart || !dataset) return;
        start.mutate(
          { datasetVersionId: dataset.id, backend: backendName, baseModelId: baseModelId || undefined, hyperparameters: read.values },
          { onSuccess: onStarted },
        );
      }}
    >
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1 text-xs font-medium text-strong">{t("training.form.backend")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {list.map((b) => (
            <label key={b.backend} data-testid="training-backend" data-backend={b.backend} data-available={b.available}
              className={cx("flex cursor-pointer items-start gap-2 rounded-md border p-2 text-xs", b.backend === backendName ? "border-accent bg-accent/10" : "border-line", !b.available && "cursor-not-allowed opacity-70")}>
              <input type="radio" name="backend" value={b.backend} checked={b.backend === backendName} disabled={!b.available}
                onChange={() => { setChosenBackend(b.backend); setBaseModelId(""); }} className="mt-0.5" />
              <span className="flex min-w-0 flex-col gap-0.5">
                <span className="flex flex-wrap items-center gap-1.5">
                  <span className="font-medium text-strong">{backendLabel(b.backend, t)}</span>
                  <Badge tone={b.available ? "success" : "neutral"}>{b.available ? t("training.form.available") : t("training.form.unavailable")}</Badge>
                </span>
                <span className="text-muted">{b.reason ?? t(`training.backend.${b.backend}.hint`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <DatasetVersionSelect versions={versions} value={datasetVersionId} onChange={setDatasetVersionId} />
      {dataset && !isTrainable(dataset) ? <ErrorMessage message={t(`training.gate.block.${gateState(dataset)}`, { number: dataset.number })} /> : null}

      {backend && backend.baseModels.length > 0 ? (
        <SelectField label={t("training.form.baseModel")} value={baseModelId} onChange={(event) => setBaseModelId(event.target.value)} hint={t("training.form.baseModelHint")} data-testid="training-base-model">
          <option value="">{t("training.form.providerDefault")}</option>
          {backend.baseModels.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </SelectField>
      ) : null}

      {fields.length ? (
        <details open className="rounded-md border border-line px-3 py-2">
          <summary className="cursor-pointer text-xs font-medium text-strong">{t("training.form.hyperparameters")}</summary>
          <div className="mt-3">
            <HyperparameterFields fields={fields} values={values} problems={problems}
              onChange={(name, value) => setRaw((current) => ({ ...current, [backendName]: { ...values, [name]: value } }))} />
          </div>
        </details>
      ) : null}

      {start.error ? <ErrorMessage error={start.error} /> : null}
      <div className="flex justify-end gap-2">
        {onCancel ? <Button variant="ghost" onClick={onCancel}>{t("common.cancel")}</Button> : null}
        <Button type="submit" variant="primary" icon="play" busy={start.isPending} disabled={!backend?.available || !dataset || !isTrainable(dataset)}>{t("training.form.start")}</Button>
      </div>
    </form>
  );
}
