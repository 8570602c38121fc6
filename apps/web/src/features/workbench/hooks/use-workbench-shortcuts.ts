"use client";

import { useEffect } from "react";
import { hasMod } from "@/features/commands/lib/keybindings";
import { useWorkbench } from "../components/workbench-context";

/**
 * Ctrl/Cmd+B side bar, Ctrl/Cmd+J panel, Ctrl/Cmd+W or Alt+W close the active editor.
 * (Browsers reserve Ctrl+W outside installed apps, hence the Alt+W alternative.)
 */
export function useWorkbenchShortcuts(): void {
  const { layout, activeView, tabs, closeView } = useWorkbench();
  const { toggleSidebar, togglePanel } = layout;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector("dialog[open]")) return;
      const key = event.key.toLowerCase();
      const mod = hasMod(event) && !event.shiftKey && !event.altKey;
      if (mod && key === "b") {
        event.preventDefault();
        toggleSidebar();
      } else if (mod && key === "j") {
        event.preventDefault();
        togglePanel();
      } else if ((mod && key === "w") || (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyW")) {
        if (activeView && tabs.includes(activeView)) {
          event.preventDefault();
          closeView(activeView);
        }
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [toggleSidebar, togglePanel, activeView, tabs, closeView]);
}
