import { describe, expect, it } from "vitest";
import { safeNext, signInHref } from "../src/features/auth/lib/safe-next";

describe("safeNext", () => {
  it("keeps same-origin paths", () => {
    expect(safeNext("/projects/abc/members")).toBe("/projects/abc/members");
    expect(safeNext("/projects?x=1")).toBe("/projects?x=1");
  });

  it("rejects anything that could leave the site", () => {
    for (const next of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null, undefined]) {
      expect(safeNext(next)).toBe("/projects");
    }
  });

  it("never loops back to the sign-in page", () => {
    expect(safeNext("/sign-in?next=/x")).toBe("/projects");
  });

  it("builds the sign-in link", () => {
    expect(signInHref("/projects")).toBe("/sign-in");
    expect(signInHref("/projects/p1/jobs")).toBe("/sign-in?next=%2Fprojects%2Fp1%2Fjobs");
  });
});
