"use client";

import { useEffect, useMemo, useRef } from "react";
import type { TIconName } from "@/components/icons";
import { useRegisterCommands } from "@/features/commands/hooks/use-register-commands";
import type { TPaletteItem } from "@/features/commands/lib/types";

export interface TStageCommand {
  id: string;
  title: string;
  icon: TIconName;
  /** Left out of the palette when false (no permission, nothing to act on). */
  enabled: boolean;
  run: () => void;
}

/**
 * Offers a stage's actions in the command palette (Ctrl+Shift+P) while the stage is open, under the
 * stage's name as category. `commands` may be a fresh array each render: the palette is only
 * re-registered when the shown ids or titles change, and each item calls the latest `run`.
 */
export function useStageCommands(scope: string, category: string, commands: TStageCommand[]): void {
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  });
  const shown = commands.filter((c) => c.enabled);
  const signature = shown.map((c) => `${c.id}\u0000${c.title}\u0000${c.icon}`).join("\u0001");
  const items = useMemo<TPaletteItem[]>(
    () =>
      signature
        .split("\u0001")
        .filter(Boolean)
        .map((entry) => {
          const [id, title, icon] = entry.split("\u0000") as [string, string, TIconName];
          return { id: `${scope}.${id}`, kind: "command", category, title, icon, run: () => latest.current.find((c) => c.id === id)?.run() };
        }),
    [scope, category, signature],
  );
  useRegisterCommands(scope, items);
}
