"use client";

import { can } from "@proda/core";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useRegisterCommands } from "@/features/commands/hooks/use-register-commands";
import type { TPaletteItem } from "@/features/commands/lib/types";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { stageView } from "@/features/workbench/lib/views";
import { useT } from "@/i18n/i18n-provider";
import { stageHref } from "../lib/links";

/**
 * "Run the loop" in the command palette from anywhere in a project (for those who may run it): opens
 * the Debugger's Loop tab with the loop form. Mounted once by the workbench; while the Debugger is
 * open its own stage command offers the same action, so this one steps aside (no duplicate entry).
 */
export function useLoopCommand(): void {
  const t = useT();
  const router = useRouter();
  const { projectId, role, addTab, activeView } = useWorkbench();
  const allowed = can(role, "loop.run") && activeView !== stageView("debugger");
  const items = useMemo<TPaletteItem[]>(
    () =>
      allowed
        ? [{
            id: "project.runLoop",
            kind: "command",
            category: t("commands.categoryProject"),
            title: t("debugger.command.loop"),
            icon: "play",
            run: () => {
              addTab(stageView("debugger"));
              router.push(stageHref(projectId, "debugger", { tab: "loop", newLoop: "1" }));
            },
          }]
        : [],
    [allowed, t, addTab, router, projectId],
  );
  useRegisterCommands("loop", items);
}
