"use client";

import { cx } from "@/components/ui/cx";
import { useT } from "@/i18n/i18n-provider";
import { relationTypeLabel } from "../lib/knowledge-labels";
import { relationColor } from "../lib/relation-types";

/** "—causes→" in the type's colour; negated relations are struck through and dashed. */
export function RelationTypeBadge({ type, negated, className }: { type: string; negated?: boolean; className?: string }) {
  const t = useT();
  const color = relationColor(type);
  const label = relationTypeLabel(type, t);
  return (
    <span
      className={cx("inline-flex shrink-0 items-center rounded-sm border px-1 text-[11px] leading-4 whitespace-nowrap", negated ? "border-dashed" : "", className)}
      style={{ color, borderColor: `color-mix(in srgb, ${color} 55%, transparent)`, background: `color-mix(in srgb, ${color} 10%, transparent)` }}
      title={negated ? t("knowledge.relations.negatedTitle", { type: label }) : label}
    >
      {negated ? <span className="mr-0.5 font-semibold">¬</span> : "—"}
      <span className={negated ? "line-through" : undefined}>{label}</span>→
    </span>
  );
}
