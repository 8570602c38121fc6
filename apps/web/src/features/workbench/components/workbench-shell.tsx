"use client";

import type { ReactNode } from "react";
import { useT } from "@/i18n/i18n-provider";
import { PANEL_LIMITS, SIDEBAR_LIMITS } from "../hooks/use-workbench-layout";
import { ActivityBar } from "./activity-bar";
import { BottomPanel } from "./bottom-panel";
import { EditorArea } from "./editor-area";
import { ResizeHandle } from "./resize-handle";
import { SideBar } from "./side-bar";
import { StatusBar } from "./status-bar";
import { TitleBar } from "./title-bar";
import { useWorkbench } from "./workbench-context";

/** VS Code's frame: title bar, activity bar, side bar, editor + panel, status bar. */
export function WorkbenchShell({ children }: { children: ReactNode }) {
  const t = useT();
  const { layout } = useWorkbench();
  return (
    <div data-testid="workbench" className="flex h-full flex-col overflow-hidden bg-surface">
      <TitleBar />
      <div className="flex min-h-0 flex-1">
        <ActivityBar />
        {layout.sidebarVisible ? (
          <>
            <SideBar width={layout.sidebarWidth} />
            <ResizeHandle
              label={t("workbench.resizeSidebar")}
              direction="right"
              value={layout.sidebarWidth}
              min={SIDEBAR_LIMITS.min}
              max={SIDEBAR_LIMITS.max}
              onChange={layout.setSidebarWidth}
            />
          </>
        ) : null}
        <div className="flex min-w-0 flex-1 flex-col border-l border-line">
          <EditorArea>{children}</EditorArea>
          {layout.panelVisible ? (
            <>
              <ResizeHandle
                label={t("workbench.resizePanel")}
                direction="up"
                value={layout.panelHeight}
                min={PANEL_LIMITS.min}
                max={PANEL_LIMITS.max}
                onChange={layout.setPanelHeight}
              />
              <BottomPanel height={layout.panelHeight} />
            </>
          ) : null}
        </div>
      </div>
      <StatusBar />
    </div>
  );
}
