// Sample types and contamination statuses / hit kinds → catalogue strings; unknown values as written.
import type { TTranslate } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/translate";
import type { TContaminationStatus } from "@/lib/api-types";
import { HIT_KINDS } from "./contamination";
import { SAMPLE_TYPES } from "./type-counts";

export function sampleTypeLabel(type: string, t: TTranslate): string {
  return (SAMPLE_TYPES as readonly string[]).includes(type) ? t(`datasets.type.${type}` as TMessageKey) : type;
}

export function contaminationStatusLabel(status: TContaminationStatus, t: TTranslate): string {
  return t(`datasets.guard.status.${status}` as TMessageKey);
}

export function hitKindLabel(kind: string, t: TTranslate): string {
  return (HIT_KINDS as readonly string[]).includes(kind) ? t(`datasets.guard.kind.${kind}` as TMessageKey) : kind;
}
