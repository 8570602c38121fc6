import { HTML_LANG, type TLocale } from "@/features/preferences/lib/preferences";

const UNITS = ["B", "KB", "MB", "GB", "TB"];

// Intl formatters are costly to build and the table formats every visible row on each scroll frame.
const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: TLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.NumberFormat(HTML_LANG[locale], options)));
  return format;
}

export function formatBytes(bytes: number, locale: TLocale): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${numberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
}

export function formatPercent(share: number, locale: TLocale): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: share > 0 && share < 0.1 ? 1 : 0 }).format(share);
}

export function formatCount(value: number, locale: TLocale): string {
  return numberFormat(locale, {}).format(value);
}
