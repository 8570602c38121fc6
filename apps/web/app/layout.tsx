import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import {
  DEFAULT_THEME,
  HTML_LANG,
  isLocale,
  isTheme,
  LOCALE_COOKIE,
  localeFromAcceptLanguage,
  PREFERENCES_BOOT_SCRIPT,
  THEME_COOKIE,
} from "@/features/preferences/lib/preferences";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "ProDa Studio", template: "%s · ProDa Studio" },
  description: "A web IDE for programming with data: corpus → knowledge → benchmark and training data → model.",
};

export const viewport: Viewport = {
  colorScheme: "dark light",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The preference cookies mirror localStorage so the first HTML already has the right theme and
  // language; the boot script covers a browser whose cookie is missing.
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const themeCookie = cookieStore.get(THEME_COOKIE)?.value;
  const localeCookie = cookieStore.get(LOCALE_COOKIE)?.value;
  const theme = isTheme(themeCookie) ? themeCookie : DEFAULT_THEME;
  const locale = isLocale(localeCookie) ? localeCookie : localeFromAcceptLanguage(headerList.get("accept-language"));
  // The proxy's per-request nonce: without it the page's CSP would block this script.
  const nonce = headerList.get("x-nonce") ?? undefined;

  return (
    <html lang={HTML_LANG[locale]} className={theme} style={{ colorScheme: theme }} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: PREFERENCES_BOOT_SCRIPT }} />
      </head>
      <body>
        <Providers initialTheme={theme} initialLocale={locale}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
