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

// Built once per locale: lists format every visible row on each render.
const relative = new Map<TLocale, Intl.RelativeTimeFormat>();
const dateTime = new Map<TLocale, Intl.DateTimeFormat>();
const time = new Map<TLocale, Intl.DateTimeFormat>();

function cached<T>(map: Map<TLocale, T>, locale: TLocale, make: () => T): T {
  let value = map.get(locale);
  if (!value) map.set(locale, (value = make()));
  return value;
}

export function formatRelativeTime(iso: string, locale: TLocale, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = cached(relative, locale, () => new Intl.RelativeTimeFormat(HTML_LANG[locale], { numeric: "auto" }));
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === "second") return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, "second");
}

export function formatDateTime(iso: string, locale: TLocale): string {
  return cached(dateTime, locale, () => new Intl.DateTimeFormat(HTML_LANG[locale], { dateStyle: "medium", timeStyle: "short" })).format(new Date(iso));
}

export function formatTime(iso: string, locale: TLocale): string {
  return cached(time, locale, () => new Intl.DateTimeFormat(HTML_LANG[locale], { timeStyle: "medium" })).format(new Date(iso));
}

// Intl formatters are costly to build, and tables format every visible row on each scroll frame.
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat for the locale and options. */
export function numberFormat(locale: TLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(HTML_LANG[locale], options)));
  return format;
}

export function formatCount(value: number, locale: TLocale): string {
  return numberFormat(locale, {}).format(value);
}

export function formatPercent(share: number, locale: TLocale): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: share > 0 && share < 0.1 ? 1 : 0 }).format(share);
}
