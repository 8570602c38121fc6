import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, rolesWithout, ROUTE_ACCESS } from "../src/index.ts";

describe("permission table", () => {
  it("gives owners every permission", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(can("owner", permission)).toBe(true);
  });

  it("keeps viewers read-only", () => {
    const viewerCan = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => can("viewer", p));
    expect(viewerCan.every((p) => p.endsWith(".read"))).toBe(true);
  });

  it("refuses a missing role", () => {
    expect(can(null, "project.read")).toBe(false);
    expect(can(undefined, "project.read")).toBe(false);
  });

  it("lists exactly the roles without a permission", () => {
    expect(rolesWithout("members.manage")).toEqual(ROLES.filter((r) => r !== "owner"));
    expect(rolesWithout("project.read")).toEqual([]);
  });

  it("names only known permissions in the route table, and only safe methods are open to viewers", () => {
    for (const [key, access] of Object.entries(ROUTE_ACCESS)) {
      if (access.kind !== "project" && access.kind !== "job") continue;
      expect(Object.keys(PERMISSIONS)).toContain(access.permission);
      if (!key.startsWith("GET ")) expect(can("viewer", access.permission), key).toBe(false);
    }
  });
});
