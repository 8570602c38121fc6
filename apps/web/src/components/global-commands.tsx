"use client";

import { usePathname, useRouter } from "next/navigation";
import { useMemo } from "react";
import { useSignOut } from "@/features/auth/hooks/use-sign-out";
import { useRegisterCommands } from "@/features/commands/hooks/use-register-commands";
import type { TPaletteItem } from "@/features/commands/lib/types";
import { useTheme } from "@/features/preferences/components/theme-provider";
import { useProjects } from "@/features/projects/hooks/use-projects";
import { useLocale, useT } from "@/i18n/i18n-provider";

/** Commands available on every page, plus the user's projects in quick open once signed in. */
export function GlobalCommands() {
  const t = useT();
  const router = useRouter();
  const pathname = usePathname();
  const { toggleTheme, theme } = useTheme();
  const { locale, setLocale } = useLocale();
  const signOut = useSignOut();
  const signedIn = pathname !== "/sign-in";
  const projects = useProjects({ enabled: signedIn });
  const { mutate: signOutNow } = signOut;

  const items = useMemo<TPaletteItem[]>(() => {
    const preferences = t("commands.categoryPreferences");
    const list: TPaletteItem[] = [
      {
        id: "preferences.toggleTheme",
        kind: "command",
        category: preferences,
        title: theme === "dark" ? t("preferences.useLightTheme") : t("preferences.useDarkTheme"),
        icon: theme === "dark" ? "sun" : "moon",
        run: toggleTheme,
      },
      {
        id: "preferences.switchLanguage",
        kind: "command",
        category: preferences,
        title: locale === "en" ? t("commands.switchToChinese") : t("commands.switchToEnglish"),
        icon: "language",
        run: () => setLocale(locale === "en" ? "zh" : "en"),
      },
    ];
    if (!signedIn) return list;
    const go = t("commands.categoryGo");
    const command = (id: string, category: string, title: string, icon: TPaletteItem["icon"], run: () => void): TPaletteItem => ({
      id,
      kind: "command",
      category,
      title,
      icon,
      run,
    });
    list.push(
      command("go.projects", go, t("commands.goToProjects"), "home", () => router.push("/projects")),
      command("go.tokens", go, t("commands.goToTokens"), "key", () => router.push("/settings/tokens")),
      command("account.signOut", t("commands.categoryAccount"), t("user.signOut"), "signOut", () => signOutNow()),
      { id: "open:projects", kind: "open", title: t("projects.title"), detail: t("commands.allProjects"), icon: "home", run: () => router.push("/projects") },
    );
    for (const project of projects.data ?? []) {
      list.push({
        id: `open:project:${project.id}`,
        kind: "open",
        title: project.name,
        detail: t("commands.projectDetail", { role: t(`roles.${project.role}`) }),
        icon: "explorer",
        run: () => router.push(`/projects/${encodeURIComponent(project.id)}`),
      });
    }
    return list;
  }, [t, theme, toggleTheme, locale, setLocale, signedIn, router, signOutNow, projects.data]);

  useRegisterCommands("global", items);
  return null;
}
