// Number formats of the Knowledge stage: costs, token counts, durations and ratios.
import type { TLocale } from "@/features/preferences/lib/preferences";
import { numberFormat } from "@/i18n/format";

/** US dollars: cents for amounts from $1, more digits below (a run over a few chunks costs fractions of a cent). */
export function formatUsd(value: number, locale: TLocale): string {
  const digits = value === 0 ? 2 : value < 0.01 ? 4 : value < 1 ? 3 : 2;
  return numberFormat(locale, { style: "currency", currency: "USD", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** 1234567 → "1.2M" (en) / "123万" (zh). */
export function formatCompact(value: number, locale: TLocale): string {
  return numberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

export function formatDecimal(value: number, locale: TLocale, digits = 2): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** Minutes as "45 s", "12 min" or "3.5 h". */
export function formatMinutes(minutes: number, locale: TLocale): string {
  if (minutes < 1) return numberFormat(locale, { style: "unit", unit: "second", maximumFractionDigits: 0 }).format(Math.max(0, minutes * 60));
  if (minutes < 120) return numberFormat(locale, { style: "unit", unit: "minute", maximumFractionDigits: 0 }).format(minutes);
  return numberFormat(locale, { style: "unit", unit: "hour", maximumFractionDigits: 1 }).format(minutes / 60);
}
