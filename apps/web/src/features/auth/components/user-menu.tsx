"use client";

import { useRouter } from "next/navigation";
import { Icon } from "@/components/icons";
import { cx } from "@/components/ui/cx";
import { MenuButton } from "@/components/ui/menu";
import { useT } from "@/i18n/i18n-provider";
import { useMe } from "../hooks/use-me";
import { useSignOut } from "../hooks/use-sign-out";

/** The signed-in user with "API tokens" and "Sign out"; `compact` fits the status bar. */
export function UserMenu({ compact = false, tokensHref = "/settings/tokens" }: { compact?: boolean; tokensHref?: string }) {
  const t = useT();
  const router = useRouter();
  const me = useMe();
  const signOut = useSignOut();
  const user = me.data;
  if (!user) return null;

  return (
    <MenuButton
      label={t("user.menu", { name: user.name || user.email })}
      placement={compact ? "up" : "down"}
      header={
        <>
          <span className="block text-fg">{user.name}</span>
          <span className="block">{user.email}</span>
        </>
      }
      items={[
        { id: "tokens", label: t("user.apiTokens"), icon: "key", onSelect: () => router.push(tokensHref) },
        { id: "sign-out", label: t("user.signOut"), icon: "signOut", onSelect: () => signOut.mutate() },
      ]}
      className={cx(
        "inline-flex items-center gap-1.5 text-fg hover:bg-hover",
        compact ? "h-[22px] px-1.5 text-[12px]" : "h-7 rounded-sm px-2 text-xs",
      )}
    >
      <Icon name="user" size={compact ? 13 : 14} />
      <span className="max-w-40 truncate">{user.name || user.email}</span>
    </MenuButton>
  );
}
