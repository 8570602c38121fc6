"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import {
  isTheme,
  persistPreference,
  readStoredPreference,
  THEME_COOKIE,
  THEME_STORAGE_KEY,
  type TTheme,
} from "../lib/preferences";

interface TThemeContext {
  theme: TTheme;
  setTheme: (theme: TTheme) => void;
  toggleTheme: () => void;
}

const ThemeContext = createContext<TThemeContext | null>(null);

function applyTheme(theme: TTheme) {
  const root = document.documentElement;
  root.classList.remove("dark", "light");
  root.classList.add(theme);
  root.style.colorScheme = theme;
}

export function ThemeProvider({ initialTheme, children }: { initialTheme: TTheme; children: ReactNode }) {
  const [theme, setThemeState] = useState<TTheme>(initialTheme);

  // localStorage wins over the cookie the server used (the boot script already painted it).
  useEffect(() => {
    const stored = readStoredPreference(THEME_STORAGE_KEY);
    if (isTheme(stored) && stored !== initialTheme) setThemeState(stored);
  }, [initialTheme]);

  useEffect(() => applyTheme(theme), [theme]);

  const setTheme = useCallback((next: TTheme) => {
    persistPreference(THEME_STORAGE_KEY, THEME_COOKIE, next);
    setThemeState(next);
  }, []);

  const value = useMemo<TThemeContext>(
    () => ({ theme, setTheme, toggleTheme: () => setTheme(theme === "dark" ? "light" : "dark") }),
    [theme, setTheme],
  );
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): TThemeContext {
  const context = useContext(ThemeContext);
  if (!context) throw new Error("useTheme must be used inside <ThemeProvider>");
  return context;
}
