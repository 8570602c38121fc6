"use client";

import { can } from "@proda/core";
import { useMemo, useState } from "react";
import { IconButton } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { useRegisterCommands } from "@/features/commands/hooks/use-register-commands";
import type { TPaletteItem } from "@/features/commands/lib/types";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import { useChatSession } from "../hooks/use-chat-session";
import { ChatPanel } from "./chat-panel";

/**
 * The title bar's chat button and the chat drawer it opens (also "Toggle Model Chat" in the
 * palette). The conversation lives here, so closing the drawer keeps it; leaving the project ends it.
 * Hidden from roles that may not chat with models.
 */
export function ChatToggle() {
  const t = useT();
  const { projectId, role } = useWorkbench();
  const [open, setOpen] = useState(false);
  const session = useChatSession(projectId);
  const allowed = can(role, "models.chat");
  const items = useMemo<TPaletteItem[]>(
    () => (allowed ? [{ id: "chat.toggle", kind: "command", category: t("commands.categoryView"), title: t("chat.toggle"), icon: "terminal", run: () => setOpen((v) => !v) }] : []),
    [allowed, t],
  );
  useRegisterCommands("chat", items);
  if (!allowed) return null;
  return (
    <>
      <IconButton icon="terminal" label={t("chat.toggle")} aria-pressed={open} onClick={() => setOpen((v) => !v)} className={cx(open && "text-strong")} data-testid="chat-toggle" />
      {open ? <ChatPanel session={session} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
