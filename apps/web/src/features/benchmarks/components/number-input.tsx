"use client";

import { TextField } from "@/components/ui/field";

/** A number field over a numeric value: empty or unparsable input is NaN, which the form's check refuses. */
export function NumberInput({
  label,
  value,
  onChange,
  min,
  max,
  step = 1,
  hint,
  invalid,
  testId,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  step?: number | "any";
  hint?: string;
  invalid?: string | null;
  testId?: string;
}) {
  return (
    <TextField
      type="number"
      inputMode="decimal"
      label={label}
      value={Number.isNaN(value) ? "" : value}
      min={min}
      max={max}
      step={step}
      hint={hint}
      error={invalid}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value === "" ? Number.NaN : event.target.valueAsNumber)}
    />
  );
}
