"use client";

import { useEffect } from "react";
import { useCommands } from "../components/command-provider";
import type { TPaletteItem } from "../lib/types";

/** Offers `items` in the palette while the caller is mounted. Memoise `items` (useMemo). */
export function useRegisterCommands(scope: string, items: TPaletteItem[]): void {
  const { register, unregister } = useCommands();
  useEffect(() => {
    register(scope, items);
    return () => unregister(scope);
  }, [scope, items, register, unregister]);
}
