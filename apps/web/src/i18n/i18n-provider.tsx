"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import {
  HTML_LANG,
  isLocale,
  LOCALE_COOKIE,
  LOCALE_STORAGE_KEY,
  persistPreference,
  readStoredPreference,
  type TLocale,
} from "@/features/preferences/lib/preferences";
import { formatMessage, type TMessageKey, type TMessageVars } from "./translate";

interface TI18nContext {
  locale: TLocale;
  setLocale: (locale: TLocale) => void;
}

const I18nContext = createContext<TI18nContext | null>(null);

export function I18nProvider({ initialLocale, children }: { initialLocale: TLocale; children: ReactNode }) {
  const [locale, setLocaleState] = useState<TLocale>(initialLocale);

  useEffect(() => {
    const stored = readStoredPreference(LOCALE_STORAGE_KEY);
    if (isLocale(stored) && stored !== initialLocale) setLocaleState(stored);
  }, [initialLocale]);

  useEffect(() => {
    document.documentElement.lang = HTML_LANG[locale];
  }, [locale]);

  const setLocale = useCallback((next: TLocale) => {
    persistPreference(LOCALE_STORAGE_KEY, LOCALE_COOKIE, next);
    setLocaleState(next);
  }, []);

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useLocale(): TI18nContext {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useLocale must be used inside <I18nProvider>");
  return context;
}

export type TTranslate = (key: TMessageKey, vars?: TMessageVars) => string;

/** `const t = useT(); t("projects.title")` — typed keys, `{name}` placeholders. */
export function useT(): TTranslate {
  const { locale } = useLocale();
  return useCallback((key, vars) => formatMessage(locale, key, vars), [locale]);
}
