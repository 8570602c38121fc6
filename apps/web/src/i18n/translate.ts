// Pure lookup and interpolation, usable outside React (tests, formatters).
import type { TLocale } from "@/features/preferences/lib/preferences";
import { messages, type TMessageKey } from "./messages";

export type { TMessageKey };
export type TMessageVars = Record<string, string | number>;

export function formatMessage(locale: TLocale, key: TMessageKey, vars?: TMessageVars): string {
  const template = messages[locale][key] ?? messages.en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}
