"use client";

import { cx } from "@/components/ui/cx";
import { CONTROL_CLASS } from "@/components/ui/field";
import { formatDateTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TKnowledgeVersionDto } from "@/lib/api-types";
import { versionStatusLabel } from "../lib/knowledge-labels";

/** Which version the stage shows; the newest ready one unless another is chosen. */
export function VersionPicker({ versions, value, onChange }: { versions: TKnowledgeVersionDto[]; value: string | null; onChange: (id: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <select
      aria-label={t("knowledge.versions.pick")}
      value={value ?? ""}
      onChange={(event) => onChange(event.target.value)}
      data-testid="knowledge-version-picker"
      className={cx(CONTROL_CLASS, "h-7 w-72!")}
    >
      {value === null ? <option value="">{t("knowledge.versions.none")}</option> : null}
      {versions.map((v) => (
        <option key={v.id} value={v.id}>
          {t("knowledge.versions.option", { number: v.number, status: versionStatusLabel(v.status, t), when: formatDateTime(v.createdAt, locale) })}
        </option>
      ))}
    </select>
  );
}
