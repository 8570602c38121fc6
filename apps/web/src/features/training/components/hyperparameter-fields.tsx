"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { useT } from "@/i18n/i18n-provider";
import { isOptionalField, type TFieldProblem, type TRawHyperparameters, type TTrainerField } from "../lib/hyperparameters";

/** The backend's hyperparameters as inputs: bounds as min/max, help as the hint, problems inline. */
export function HyperparameterFields({
  fields,
  values,
  problems,
  onChange,
}: {
  fields: readonly TTrainerField[];
  values: TRawHyperparameters;
  problems: Record<string, TFieldProblem>;
  onChange: (name: string, value: string | boolean) => void;
}) {
  const t = useT();
  const problemText = (field: TTrainerField) => {
    const problem = problems[field.name];
    if (!problem) return null;
    return t(`training.form.problem.${problem}`, { min: field.min ?? "", max: field.max ?? "" });
  };
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="training-hyperparameters">
      {fields.map((field) => {
        if (field.type === "boolean") {
          return (
            <label key={field.name} className="flex items-start gap-2 text-xs">
              <input type="checkbox" checked={values[field.name] === true} onChange={(event) => onChange(field.name, event.target.checked)} className="mt-0.5" />
              <span className="flex flex-col"><span className="font-mono font-medium text-strong">{field.name}</span><span className="text-muted">{field.help}</span></span>
            </label>
          );
        }
        if (field.options?.length) {
          return (
            <SelectField key={field.name} label={field.name} hint={field.help} error={problemText(field)} value={String(values[field.name] ?? "")} onChange={(event) => onChange(field.name, event.target.value)}>
              {field.options.map((option) => <option key={option} value={option}>{option}</option>)}
            </SelectField>
          );
        }
        const numeric = field.type === "int" || field.type === "number";
        const bounds = numeric && (field.min !== undefined || field.max !== undefined) ? t("training.form.bounds", { min: field.min ?? "−∞", max: field.max ?? "∞" }) : "";
        return (
          <TextField
            key={field.name}
            label={field.name}
            type={numeric ? "number" : "text"}
            inputMode={numeric ? "decimal" : undefined}
            step={field.type === "int" ? 1 : "any"}
            min={field.min}
            max={field.max}
            value={String(values[field.name] ?? "")}
            placeholder={isOptionalField(field) ? t("training.form.auto") : undefined}
            hint={bounds ? `${field.help} ${bounds}` : field.help}
            error={problemText(field)}
            data-field={field.name}
            onChange={(event) => onChange(field.name, event.target.value)}
          />
        );
      })}
    </div>
  );
}
