"use client";

import { useCallback, useEffect, useState } from "react";

export type TPanelTab = "jobs" | "logs" | "problems";

interface TLayout {
  sidebarVisible: boolean;
  panelVisible: boolean;
  sidebarWidth: number;
  panelHeight: number;
  panelTab: TPanelTab;
}

const STORAGE_KEY = "proda.layout";
export const SIDEBAR_LIMITS = { min: 180, max: 560 };
export const PANEL_LIMITS = { min: 120, max: 720 };
const DEFAULTS: TLayout = { sidebarVisible: true, panelVisible: true, sidebarWidth: 260, panelHeight: 240, panelTab: "jobs" };

const clamp = (value: number, { min, max }: { min: number; max: number }) => Math.min(max, Math.max(min, value));

/** Side bar / panel visibility, sizes and the panel's tab, remembered in localStorage. */
export function useWorkbenchLayout() {
  const [layout, setLayout] = useState<TLayout>(DEFAULTS);

  useEffect(() => {
    try {
      const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}") as Partial<TLayout>;
      setLayout((current) => ({
        ...current,
        ...stored,
        sidebarWidth: clamp(Number(stored.sidebarWidth) || current.sidebarWidth, SIDEBAR_LIMITS),
        panelHeight: clamp(Number(stored.panelHeight) || current.panelHeight, PANEL_LIMITS),
      }));
    } catch {
      // corrupt or unavailable storage: keep the defaults
    }
  }, []);

  const update = useCallback((patch: Partial<TLayout> | ((current: TLayout) => Partial<TLayout>)) => {
    setLayout((current) => {
      const next = { ...current, ...(typeof patch === "function" ? patch(current) : patch) };
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // not remembered, still applied
      }
      return next;
    });
  }, []);

  return {
    ...layout,
    toggleSidebar: useCallback(() => update((c) => ({ sidebarVisible: !c.sidebarVisible })), [update]),
    togglePanel: useCallback(() => update((c) => ({ panelVisible: !c.panelVisible })), [update]),
    showPanel: useCallback((panelTab?: TPanelTab) => update((c) => ({ panelVisible: true, panelTab: panelTab ?? c.panelTab })), [update]),
    setPanelTab: useCallback((panelTab: TPanelTab) => update({ panelTab }), [update]),
    setSidebarWidth: useCallback((width: number) => update({ sidebarWidth: clamp(width, SIDEBAR_LIMITS) }), [update]),
    setPanelHeight: useCallback((height: number) => update({ panelHeight: clamp(height, PANEL_LIMITS) }), [update]),
  };
}

export type TWorkbenchLayout = ReturnType<typeof useWorkbenchLayout>;
