import type { TIconName } from "@/components/icons";

export interface TPaletteItem {
  id: string;
  /** "command" items appear after ">" (Ctrl+Shift+P); "open" items in quick open (Ctrl+P). */
  kind: "command" | "open";
  title: string;
  /** Shown before the title for commands ("View: Toggle Panel"), after it for quick-open items. */
  category?: string;
  detail?: string;
  keybinding?: string;
  icon?: TIconName;
  run: () => void;
}
