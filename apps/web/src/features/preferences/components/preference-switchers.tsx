"use client";

import { Icon } from "@/components/icons";
import { cx } from "@/components/ui/cx";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { isLocale, LOCALES } from "../lib/preferences";
import { useTheme } from "./theme-provider";

/** Language select and theme toggle; `compact` is the status-bar form. */
export function PreferenceSwitchers({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const { theme, toggleTheme } = useTheme();
  const item = compact
    ? "inline-flex h-full items-center gap-1 px-1.5 text-[12px] text-fg hover:bg-hover"
    : "inline-flex h-7 items-center gap-1.5 rounded-sm border border-line-strong bg-input px-2 text-xs text-fg hover:bg-hover";
  const themeLabel = theme === "dark" ? t("preferences.useLightTheme") : t("preferences.useDarkTheme");

  return (
    <div className={cx("flex items-center", compact ? "h-full" : "gap-2")}>
      <label className={cx(item, "relative focus-within:outline focus-within:outline-1 focus-within:outline-accent")}>
        <Icon name="language" size={compact ? 13 : 14} />
        <span className="sr-only">{t("preferences.language")}</span>
        <select
          value={locale}
          onChange={(event) => isLocale(event.target.value) && setLocale(event.target.value)}
          className="cursor-pointer appearance-none bg-transparent pr-0.5 outline-none"
          data-testid="locale-switcher"
        >
          {LOCALES.map((value) => (
            <option key={value} value={value} className="bg-elevated text-fg">
              {t(`locale.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={toggleTheme} aria-label={themeLabel} title={themeLabel} className={item}>
        <Icon name={theme === "dark" ? "moon" : "sun"} size={compact ? 13 : 14} />
        {compact ? null : <span>{theme === "dark" ? t("preferences.dark") : t("preferences.light")}</span>}
      </button>
    </div>
  );
}
