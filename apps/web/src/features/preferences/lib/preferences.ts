// Theme and locale are remembered in localStorage (the source of truth in the browser) and mirrored
// into a cookie so the server renders the right <html> class and lang on the next request.
export const THEMES = ["dark", "light"] as const;
export type TTheme = (typeof THEMES)[number];
export const DEFAULT_THEME: TTheme = "dark";
export const THEME_STORAGE_KEY = "proda.theme";
export const THEME_COOKIE = "proda_theme";

export const LOCALES = ["en", "zh"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "en";
export const LOCALE_STORAGE_KEY = "proda.locale";
export const LOCALE_COOKIE = "proda_locale";

/** BCP 47 tags for <html lang> and Intl formatters. */
export const HTML_LANG: Record<TLocale, string> = { en: "en", zh: "zh-CN" };

export function isTheme(value: unknown): value is TTheme {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value);
}

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Picks a locale from an Accept-Language header when no preference was saved yet. */
export function localeFromAcceptLanguage(header: string | null | undefined): TLocale {
  return header && /^\s*zh\b/i.test(header) ? "zh" : DEFAULT_LOCALE;
}

export function persistPreference(storageKey: string, cookie: string, value: string): void {
  try {
    localStorage.setItem(storageKey, value);
  } catch {
    // Private mode or storage disabled: the cookie still carries the choice.
  }
  document.cookie = `${cookie}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax`;
}

export function readStoredPreference(storageKey: string): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** Runs before first paint (inline in <head>): applies a saved theme/locale the cookie did not carry. */
export const PREFERENCES_BOOT_SCRIPT = `(function(){try{var d=document.documentElement;var t=localStorage.getItem(${JSON.stringify(
  THEME_STORAGE_KEY,
)});if(t==="dark"||t==="light"){d.classList.remove("dark","light");d.classList.add(t);d.style.colorScheme=t;}var l=localStorage.getItem(${JSON.stringify(
  LOCALE_STORAGE_KEY,
)});if(l==="en"||l==="zh"){d.lang=l==="zh"?"zh-CN":"en";}}catch(e){}})();`;
