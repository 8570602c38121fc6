// Everything the editor area can show, where it lives in the URL, and who may open it.
// The URL is the source of truth for the active view; editor tabs are a list of view ids.
import { can, type TPermission, type TRole } from "@proda/core";
import type { TIconName } from "@/components/icons";
import type { TMessageKey } from "@/i18n/translate";

/** The pipeline, in order (see DESIGN.md "The loop, as artifacts"). */
export const STAGES = ["corpus", "knowledge", "tester", "builder", "training", "evaluation", "debugger"] as const;
export type TStageId = (typeof STAGES)[number];

export const STAGE_ICONS: Record<TStageId, TIconName> = {
  corpus: "corpus",
  knowledge: "knowledge",
  tester: "tester",
  builder: "builder",
  training: "training",
  evaluation: "evaluation",
  debugger: "debugger",
};

export type TStageView = `stage:${TStageId}`;
export type TViewId = "overview" | "jobs" | "members" | "audit" | "settings" | "providers" | "tokens" | TStageView;

interface TViewSpec {
  path: string;
  icon: TIconName;
  label: TMessageKey;
  permission?: TPermission;
}

const FIXED_VIEWS: Record<Exclude<TViewId, TStageView>, TViewSpec> = {
  overview: { path: "", icon: "overview", label: "views.overview" },
  jobs: { path: "/jobs", icon: "jobs", label: "views.jobs" },
  members: { path: "/members", icon: "members", label: "views.members" },
  audit: { path: "/audit", icon: "audit", label: "views.audit", permission: "audit.read" },
  settings: { path: "/settings", icon: "settings", label: "views.settings" },
  providers: { path: "/settings/providers", icon: "providers", label: "views.providers", permission: "providers.read" },
  tokens: { path: "/settings/tokens", icon: "key", label: "views.tokens" },
};

export function isStageId(value: string): value is TStageId {
  return (STAGES as readonly string[]).includes(value);
}

export function stageView(stage: TStageId): TStageView {
  return `stage:${stage}`;
}

export function stageOf(view: TViewId): TStageId | null {
  return view.startsWith("stage:") ? (view.slice(6) as TStageId) : null;
}

function spec(view: TViewId): TViewSpec {
  const stage = stageOf(view);
  if (stage) return { path: `/stages/${stage}`, icon: STAGE_ICONS[stage], label: `stages.${stage}.name` };
  return FIXED_VIEWS[view as Exclude<TViewId, TStageView>];
}

export const viewIcon = (view: TViewId): TIconName => spec(view).icon;
export const viewLabelKey = (view: TViewId): TMessageKey => spec(view).label;

export function viewHref(projectId: string, view: TViewId): string {
  return `/projects/${encodeURIComponent(projectId)}${spec(view).path}`;
}

export function canOpenView(role: TRole | null | undefined, view: TViewId): boolean {
  const permission = spec(view).permission;
  return !permission || can(role, permission);
}

export const ALL_VIEWS: TViewId[] = [
  "overview",
  "jobs",
  ...STAGES.map(stageView),
  "members",
  "audit",
  "settings",
  "providers",
  "tokens",
];

/** Maps a pathname under /projects/:id back to its view; null for anything else. */
export function viewFromPathname(projectId: string, pathname: string): TViewId | null {
  const base = `/projects/${encodeURIComponent(projectId)}`;
  const decodedBase = `/projects/${projectId}`;
  const prefix = pathname.startsWith(base) ? base : pathname.startsWith(decodedBase) ? decodedBase : null;
  if (prefix === null) return null;
  const rest = pathname.slice(prefix.length).replace(/\/+$/, "");
  return ALL_VIEWS.find((view) => spec(view).path === rest) ?? null;
}
