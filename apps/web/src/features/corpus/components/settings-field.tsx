"use client";

import { useId } from "react";
import { cx } from "@/components/ui/cx";
import { CONTROL_CLASS } from "@/components/ui/field";
import { useT } from "@/i18n/i18n-provider";
import { en } from "@/i18n/messages";
import type { TMessageKey } from "@/i18n/translate";
import type { TSettingField } from "../lib/settings-form";

const known = (key: string): key is TMessageKey => key in en;

/** One setting: a checkbox, a select or a text/number input, with its hint or error. */
export function SettingField({
  field,
  value,
  error,
  disabled,
  onChange,
}: {
  field: TSettingField;
  value: string | boolean;
  error?: string | null;
  disabled?: boolean;
  onChange: (value: string | boolean) => void;
}) {
  const t = useT();
  const id = useId();
  const labelKey = `corpus.settings.field.${field.key}`;
  const hintKey = `corpus.settings.hint.${field.key}`;
  const label = known(labelKey) ? t(labelKey) : field.name;
  const hint = known(hintKey) ? t(hintKey) : field.kind === "list" ? t("corpus.settings.listHint", { count: field.length ?? 0 }) : null;
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;

  if (field.kind === "boolean") {
    return (
      <label className="flex items-center gap-2 text-[13px] text-strong">
        <input type="checkbox" checked={value === true} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
        {label}
      </label>
    );
  }
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-strong">{label}</label>
      {field.kind === "enum" ? (
        <select id={id} value={String(value)} disabled={disabled} onChange={(event) => onChange(event.target.value)} className={cx(CONTROL_CLASS, "h-7")}>
          {field.options?.map((option) => (
            <option key={option} value={option}>
              {known(`corpus.settings.option.${option}`) ? t(`corpus.settings.option.${option}` as TMessageKey) : option}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={field.kind === "list" || field.kind === "text" ? "text" : "number"}
          inputMode={field.kind === "list" ? "decimal" : undefined}
          min={field.min}
          max={field.max}
          step={field.step ?? (field.kind === "int" ? 1 : "any")}
          value={String(value)}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          className={cx(CONTROL_CLASS, "h-7 tabular-nums")}
        />
      )}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-danger">{error}</p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">{hint}</p>
      ) : null}
    </div>
  );
}
