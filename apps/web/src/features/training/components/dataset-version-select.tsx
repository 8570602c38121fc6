"use client";

import { SelectField } from "@/components/ui/field";
import { useT } from "@/i18n/i18n-provider";
import type { TDatasetDto } from "@/lib/api-types";
import { gateState, isTrainable } from "../lib/dataset-gate";
import { gateLabel } from "../lib/labels";

/**
 * The frozen dataset versions with their contamination verdict; the ones the guard has not let
 * through are listed but cannot be picked, and the hint says why the guard must pass.
 */
export function DatasetVersionSelect({ versions, value, onChange }: { versions: TDatasetDto[]; value: string; onChange: (id: string) => void }) {
  const t = useT();
  return (
    <SelectField label={t("training.form.dataset")} value={value} onChange={(event) => onChange(event.target.value)} hint={t("training.form.datasetHint")} required data-testid="training-dataset">
      {value === "" ? <option value="">—</option> : null}
      {versions.map((v) => (
        <option key={v.id} value={v.id} disabled={!isTrainable(v)}>
          {t("training.form.datasetOption", { number: v.number, name: v.name, samples: v.sampleCount, gate: gateLabel(gateState(v), t) })}
        </option>
      ))}
    </SelectField>
  );
}
