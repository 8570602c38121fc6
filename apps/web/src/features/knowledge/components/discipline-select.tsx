"use client";

import { cx } from "@/components/ui/cx";
import { CONTROL_CLASS } from "@/components/ui/field";
import { useT } from "@/i18n/i18n-provider";

/** "All disciplines" or one of them; hidden when the version has a single discipline. */
export function DisciplineSelect({
  disciplines,
  value,
  onChange,
  className,
}: {
  disciplines: string[];
  value: string;
  onChange: (value: string) => void;
  className?: string;
}) {
  const t = useT();
  if (disciplines.length < 2 && !value) return null;
  return (
    <select aria-label={t("knowledge.discipline")} value={value} onChange={(event) => onChange(event.target.value)} className={cx(CONTROL_CLASS, "h-7 w-48!", className)}>
      <option value="">{t("knowledge.allDisciplines")}</option>
      {disciplines.map((d) => (
        <option key={d} value={d}>{d}</option>
      ))}
    </select>
  );
}
