"use client";

import { useCallback, useSyncExternalStore } from "react";
import { formatKeys, isMac } from "../lib/keybindings";

const subscribe = () => () => {};

/** Formats shortcuts for this platform; the server (and hydration) render the non-Mac form. */
export function useFormatKeys(): (keys: string) => string {
  const mac = useSyncExternalStore(subscribe, isMac, () => false);
  return useCallback((keys: string) => formatKeys(keys, mac), [mac]);
}
