"use client";

import type { ReactNode } from "react";
import { CommandProvider } from "@/features/commands/components/command-provider";
import { ThemeProvider } from "@/features/preferences/components/theme-provider";
import type { TLocale, TTheme } from "@/features/preferences/lib/preferences";
import { I18nProvider } from "@/i18n/i18n-provider";
import { GlobalCommands } from "./global-commands";
import { QueryProvider } from "./query-provider";

/** Everything client-side the app needs: theme, language, React Query, the command palette. */
export function Providers({
  initialTheme,
  initialLocale,
  children,
}: {
  initialTheme: TTheme;
  initialLocale: TLocale;
  children: ReactNode;
}) {
  return (
    <ThemeProvider initialTheme={initialTheme}>
      <I18nProvider initialLocale={initialLocale}>
        <QueryProvider>
          <CommandProvider>
            <GlobalCommands />
            {children}
          </CommandProvider>
        </QueryProvider>
      </I18nProvider>
    </ThemeProvider>
  );
}
