// The single source of truth for who may do what in a project. The route wrapper enforces it,
// the UI hides what a role cannot do, and the route-permission test checks every handler against it.
import type { TRole } from "./roles.ts";

const ALL: readonly TRole[] = ["owner", "engineer", "expert", "reviewer", "viewer"];

export const PERMISSIONS = {
  "project.read": ALL,
  "project.update": ["owner"],
  "project.delete": ["owner"],
  "members.read": ALL,
  "members.manage": ["owner"],
  "providers.read": ["owner", "engineer"],
  "providers.manage": ["owner", "engineer"],
  "jobs.read": ALL,
  "jobs.run": ["owner", "engineer"],
  "jobs.cancel": ["owner", "engineer"],
  "audit.read": ["owner"],
  "corpus.read": ALL,
  "corpus.upload": ["owner", "engineer", "expert"],
  "corpus.manage": ["owner", "engineer"],
  "knowledge.read": ALL,
  "knowledge.run": ["owner", "engineer"],
  "knowledge.edit": ["owner", "engineer", "expert"],
  "benchmark.read": ALL,
  "benchmark.run": ["owner", "engineer"],
  "benchmark.review": ["owner", "engineer", "expert", "reviewer"],
  /** Freeze or delete a benchmark. */
  "benchmark.manage": ["owner", "engineer"],
  "dataset.read": ALL,
  "dataset.run": ["owner", "engineer"],
  /** Freeze or delete a dataset version. */
  "dataset.manage": ["owner", "engineer"],
  /** Let a contaminated dataset through the guard, with a recorded reason. */
  "contamination.override": ["owner"],
  "models.read": ALL,
  /** Register, rename or remove models and endpoints. */
  "models.manage": ["owner", "engineer"],
  /** Chat with a registered model (it may cost tokens). */
  "models.chat": ["owner", "engineer", "expert", "reviewer"],
  "training.read": ALL,
  "training.run": ["owner", "engineer"],
  "evaluation.read": ALL,
  "evaluation.run": ["owner", "engineer"],
  "debugger.read": ALL,
  /** Diagnose an evaluation's failures (the LLM judge may cost tokens). */
  "debugger.run": ["owner", "engineer"],
  "debugger.review": ["owner", "engineer", "expert", "reviewer"],
  "loop.run": ["owner", "engineer"],
  /** Import external multiple-choice sets and external scores. */
  "external.manage": ["owner", "engineer"],
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;

export function can(role: TRole | null | undefined, permission: TPermission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly TRole[]).includes(role);
}

/** Roles that lack a permission: what the route-permission test tries for a 403. */
export function rolesWithout(permission: TPermission): TRole[] {
  return ALL.filter((role) => !can(role, permission));
}
