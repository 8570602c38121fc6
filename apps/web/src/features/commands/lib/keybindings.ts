// Shortcut matching shared by the palette and the workbench. "Mod" is Cmd on macOS, Ctrl elsewhere.
export function isMac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

export function hasMod(event: { metaKey: boolean; ctrlKey: boolean }): boolean {
  return isMac() ? event.metaKey : event.ctrlKey;
}

/** `formatKeys("Mod+Shift+P", false)` → "Ctrl+Shift+P"; on a Mac → "⌘⇧P". */
export function formatKeys(keys: string, mac: boolean): string {
  if (!mac) return keys.replace("Mod", "Ctrl");
  return keys.replace("Mod+", "⌘").replace("Shift+", "⇧").replace("Alt+", "⌥").replace("Ctrl+", "⌃");
}
