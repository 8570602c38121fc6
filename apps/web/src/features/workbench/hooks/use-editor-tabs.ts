"use client";

import { useCallback, useEffect, useState } from "react";
import { ALL_VIEWS, type TViewId } from "../lib/views";

const storageKey = (projectId: string) => `proda.tabs.${projectId}`;

function loadTabs(projectId: string): TViewId[] {
  try {
    const raw = JSON.parse(sessionStorage.getItem(storageKey(projectId)) ?? "[]");
    return Array.isArray(raw) ? raw.filter((view): view is TViewId => ALL_VIEWS.includes(view)) : [];
  } catch {
    return [];
  }
}

/**
 * The open editor tabs. Navigating to a view opens its tab; closing tabs never navigates by itself
 * (the caller decides where to go). Remembered per project for the browser tab's session.
 */
export function useEditorTabs(projectId: string, activeView: TViewId | null) {
  // Server and first client render agree on [activeView]; stored tabs are merged after mount.
  const [tabs, setTabs] = useState<TViewId[]>(() => (activeView ? [activeView] : []));

  useEffect(() => {
    const stored = loadTabs(projectId);
    if (stored.length) setTabs((current) => [...stored, ...current.filter((view) => !stored.includes(view))]);
  }, [projectId]);

  useEffect(() => {
    if (activeView) setTabs((current) => (current.includes(activeView) ? current : [...current, activeView]));
  }, [activeView]);

  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey(projectId), JSON.stringify(tabs));
    } catch {
      // storage unavailable: tabs simply are not remembered
    }
  }, [projectId, tabs]);

  const open = useCallback((view: TViewId) => {
    setTabs((current) => (current.includes(view) ? current : [...current, view]));
  }, []);

  /** Closes `view` and returns the neighbour to activate, or null when no tab is left. */
  const close = useCallback(
    (view: TViewId): TViewId | null => {
      const index = tabs.indexOf(view);
      const remaining = tabs.filter((tab) => tab !== view);
      setTabs(remaining);
      if (remaining.length === 0) return null;
      return remaining[Math.min(Math.max(index, 0), remaining.length - 1)];
    },
    [tabs],
  );

  const closeOthers = useCallback((view: TViewId) => setTabs([view]), []);

  return { tabs, open, close, closeOthers };
}
