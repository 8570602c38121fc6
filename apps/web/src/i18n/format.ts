// Locale-aware date formatting for lists and tables.
import { HTML_LANG, type TLocale } from "@/features/preferences/lib/preferences";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

export function formatRelativeTime(iso: string, locale: TLocale, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(HTML_LANG[locale], { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === "second") return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, "second");
}

export function formatDateTime(iso: string, locale: TLocale): string {
  return new Intl.DateTimeFormat(HTML_LANG[locale], { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function formatTime(iso: string, locale: TLocale): string {
  return new Intl.DateTimeFormat(HTML_LANG[locale], { timeStyle: "medium" }).format(new Date(iso));
}
