"use client";

import { cx } from "@/components/ui/cx";
import { CONTROL_CLASS } from "@/components/ui/field";
import { useT } from "@/i18n/i18n-provider";
import type { TArtifactStatus } from "@/lib/api-types";
import { artifactStatusLabel } from "../lib/labels";

/** Which benchmark or dataset version the stage shows. */
export function ArtifactPicker({
  label,
  items,
  value,
  onChange,
  testId,
}: {
  label: string;
  items: { id: string; number: number; name: string; status: TArtifactStatus }[];
  value: string | null;
  onChange: (id: string) => void;
  testId: string;
}) {
  const t = useT();
  return (
    <select aria-label={label} value={value ?? ""} onChange={(event) => onChange(event.target.value)} data-testid={testId} className={cx(CONTROL_CLASS, "h-7 w-64!")}>
      {value === null ? <option value="">—</option> : null}
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          #{item.number} {item.name} · {artifactStatusLabel(item.status, t)}
        </option>
      ))}
    </select>
  );
}
