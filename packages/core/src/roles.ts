// Project roles, from most to least powerful. Browser-safe.
export const ROLES = ["owner", "engineer", "expert", "reviewer", "viewer"] as const;
export type TRole = (typeof ROLES)[number];
