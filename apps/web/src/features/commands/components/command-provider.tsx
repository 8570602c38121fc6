"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { hasMod } from "../lib/keybindings";
import type { TPaletteItem } from "../lib/types";
import { CommandPalette } from "./command-palette";

type TMode = "commands" | "quick-open";

interface TCommandContext {
  register: (scope: string, items: TPaletteItem[]) => void;
  unregister: (scope: string) => void;
  openPalette: (mode: TMode) => void;
}

const CommandContext = createContext<TCommandContext | null>(null);

/**
 * Owns the palette and the registry of what it offers. Any component can contribute items for as
 * long as it is mounted (useRegisterCommands), so the workbench adds its views and actions and the
 * projects page adds nothing beyond the global commands.
 */
export function CommandProvider({ children }: { children: ReactNode }) {
  const [scopes, setScopes] = useState<Record<string, TPaletteItem[]>>({});
  const [openMode, setOpenMode] = useState<{ mode: TMode; nonce: number } | null>(null);

  const register = useCallback((scope: string, items: TPaletteItem[]) => {
    setScopes((current) => ({ ...current, [scope]: items }));
  }, []);
  const unregister = useCallback((scope: string) => {
    setScopes(({ [scope]: _removed, ...rest }) => rest);
  }, []);
  const openPalette = useCallback((mode: TMode) => setOpenMode({ mode, nonce: Date.now() }), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if ((hasMod(event) && event.shiftKey && key === "p") || event.key === "F1") {
        event.preventDefault();
        openPalette("commands");
      } else if (hasMod(event) && !event.shiftKey && !event.altKey && key === "p") {
        event.preventDefault(); // not the print dialog
        openPalette("quick-open");
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [openPalette]);

  const items = useMemo(() => Object.values(scopes).flat(), [scopes]);
  const value = useMemo(() => ({ register, unregister, openPalette }), [register, unregister, openPalette]);

  return (
    <CommandContext.Provider value={value}>
      {children}
      <CommandPalette
        key={openMode?.nonce ?? "closed"}
        open={openMode !== null}
        initialMode={openMode?.mode ?? "commands"}
        items={items}
        onClose={() => setOpenMode(null)}
      />
    </CommandContext.Provider>
  );
}

export function useCommands(): TCommandContext {
  const context = useContext(CommandContext);
  if (!context) throw new Error("useCommands must be used inside <CommandProvider>");
  return context;
}
