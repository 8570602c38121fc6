"use client";

import { createContext, useContext } from "react";
import type { TRole } from "@proda/core";
import type { TProjectDto, TProjectStatsDto } from "@/lib/api-types";
import type { TJobStreamEvent, TStreamStatus } from "@/features/jobs/hooks/use-job-stream";
import type { TWorkbenchLayout } from "../hooks/use-workbench-layout";
import type { TViewId } from "../lib/views";

export interface TWorkbenchContext {
  projectId: string;
  project: TProjectDto;
  stats: TProjectStatsDto | null;
  role: TRole;
  activeView: TViewId | null;
  tabs: TViewId[];
  /** Opens (or focuses) a view's tab and navigates to it. */
  openView: (view: TViewId) => void;
  /** Adds a view's tab without navigating (a <Link> does the navigation). */
  addTab: (view: TViewId) => void;
  closeView: (view: TViewId) => void;
  closeOtherViews: (view: TViewId) => void;
  layout: TWorkbenchLayout;
}

/** The job the panels follow live, shared by the Jobs/Logs panels, the overview and the status bar. */
export interface TJobFocusContext {
  selectedJobId: string | null;
  selectJob: (jobId: string | null) => void;
  stream: { status: TStreamStatus; events: TJobStreamEvent[] };
  /** The statistics job started from this workbench, followed by the overview. */
  statsJobId: string | null;
  recomputeStats: () => void;
  recomputing: boolean;
  recomputeError: unknown;
}

export const WorkbenchContext = createContext<TWorkbenchContext | null>(null);
export const JobFocusContext = createContext<TJobFocusContext | null>(null);

export function useWorkbench(): TWorkbenchContext {
  const context = useContext(WorkbenchContext);
  if (!context) throw new Error("useWorkbench must be used inside <Workbench>");
  return context;
}

export function useJobFocus(): TJobFocusContext {
  const context = useContext(JobFocusContext);
  if (!context) throw new Error("useJobFocus must be used inside <Workbench>");
  return context;
}
