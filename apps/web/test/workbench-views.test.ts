import { describe, expect, it } from "vitest";
import { ALL_VIEWS, canOpenView, viewFromPathname, viewHref } from "../src/features/workbench/lib/views";

describe("workbench views", () => {
  it("round-trips every view through its URL", () => {
    for (const view of ALL_VIEWS) {
      expect(viewFromPathname("p1", viewHref("p1", view))).toBe(view);
    }
  });

  it("maps paths to views and rejects unknown ones", () => {
    expect(viewFromPathname("p1", "/projects/p1")).toBe("overview");
    expect(viewFromPathname("p1", "/projects/p1/")).toBe("overview");
    expect(viewFromPathname("p1", "/projects/p1/stages/tester")).toBe("stage:tester");
    expect(viewFromPathname("p1", "/projects/p1/settings/providers")).toBe("providers");
    expect(viewFromPathname("p1", "/projects/p1/stages/nope")).toBeNull();
    expect(viewFromPathname("p1", "/projects/p2")).toBeNull();
  });

  it("hides views a role may not open", () => {
    expect(canOpenView("owner", "audit")).toBe(true);
    expect(canOpenView("engineer", "audit")).toBe(false);
    expect(canOpenView("viewer", "providers")).toBe(false);
    expect(canOpenView("viewer", "stage:corpus")).toBe(true);
  });
});
