"use client";

import Link from "next/link";
import { UserMenu } from "@/features/auth/components/user-menu";
import { useCommands } from "@/features/commands/components/command-provider";
import { useFormatKeys } from "@/features/commands/hooks/use-format-keys";
import { PreferenceSwitchers } from "@/features/preferences/components/preference-switchers";
import { useT } from "@/i18n/i18n-provider";
import { Icon } from "./icons";

/** Top bar for the pages outside a project (project list, account settings). */
export function AppHeader() {
  const t = useT();
  const { openPalette } = useCommands();
  const formatKeys = useFormatKeys();
  return (
    <header className="flex h-11 shrink-0 items-center gap-4 border-b border-line bg-sidebar px-4">
      <Link href="/projects" className="flex items-center gap-2 font-semibold text-strong">
        <span className="rounded-sm bg-accent p-0.5 text-accent-fg">
          <Icon name="logo" size={18} />
        </span>
        {t("app.name")}
      </Link>
      <button
        type="button"
        onClick={() => openPalette("quick-open")}
        className="mx-auto hidden h-7 w-full max-w-md items-center gap-2 rounded-sm border border-line-strong bg-input px-2 text-xs text-muted hover:border-accent sm:flex"
      >
        <Icon name="search" size={13} />
        <span className="flex-1 text-left">{t("header.search")}</span>
        <span className="font-mono text-[11px]">{formatKeys("Mod+P")}</span>
      </button>
      <div className="ml-auto flex items-center gap-2 sm:ml-0">
        <PreferenceSwitchers />
        <UserMenu />
      </div>
    </header>
  );
}
