"use client";

import { SelectField } from "@/components/ui/field";
import { formatDateTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TKnowledgeVersionDto } from "@/lib/api-types";

/** The ready knowledge versions to build from, newest first (the default). */
export function KnowledgeVersionSelect({ versions, value, onChange, hint }: { versions: TKnowledgeVersionDto[]; value: string; onChange: (id: string) => void; hint?: string }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <SelectField label={t("benchmarks.form.knowledgeVersion")} value={value} onChange={(event) => onChange(event.target.value)} hint={hint} required>
      {versions.map((v) => (
        <option key={v.id} value={v.id}>
          {t("benchmarks.form.knowledgeVersionOption", { number: v.number, when: formatDateTime(v.finishedAt ?? v.createdAt, locale) })}
        </option>
      ))}
    </SelectField>
  );
}
