"use client";

import type { ReactNode } from "react";
import { Icon } from "@/components/icons";
import { useFormatKeys } from "@/features/commands/hooks/use-format-keys";
import { useT } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/translate";
import { EDITOR_PANEL_ID, EditorTabs, tabId } from "./editor-tabs";
import { useWorkbench } from "./workbench-context";

const SHORTCUTS: [TMessageKey, string][] = [
  ["workbench.hintCommands", "Mod+Shift+P"],
  ["workbench.hintQuickOpen", "Mod+P"],
  ["commands.toggleSidebar", "Mod+B"],
  ["commands.togglePanel", "Mod+J"],
  ["commands.closeEditor", "Mod+W / Alt+W"],
];

/** Shown when every editor tab is closed, like VS Code's watermark. */
function EmptyEditor() {
  const t = useT();
  const formatKeys = useFormatKeys();
  return (
    <div className="flex h-full flex-col items-center justify-center gap-6 text-muted">
      <Icon name="logo" size={72} strokeWidth={0.8} className="opacity-30" />
      <p className="text-[13px]">{t("workbench.noEditorOpen")}</p>
      <dl className="grid grid-cols-[auto_auto] gap-x-6 gap-y-2 text-[13px]">
        {SHORTCUTS.map(([label, keys]) => (
          <div key={keys} className="contents">
            <dt className="text-right">{t(label)}</dt>
            <dd className="font-mono text-xs text-fg">{formatKeys(keys)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function EditorArea({ children }: { children: ReactNode }) {
  const { tabs, activeView } = useWorkbench();
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {tabs.length > 0 ? <EditorTabs /> : null}
      {activeView === null ? (
        // Not a known view (e.g. a not-found page under the project): show it as is.
        <div className="min-h-0 flex-1 overflow-auto">{children}</div>
      ) : tabs.includes(activeView) ? (
        <div
          id={EDITOR_PANEL_ID}
          role="tabpanel"
          aria-labelledby={tabId(activeView)}
          className="min-h-0 flex-1 overflow-auto"
        >
          {children}
        </div>
      ) : (
        <div className="min-h-0 flex-1">
          <EmptyEditor />
        </div>
      )}
    </div>
  );
}
