import { describe, expect, it } from "vitest";
import { recordSignInFailure, signInWaitSeconds } from "../src/server/auth/rate-limit.ts";

describe("sign-in rate limit", () => {
  it("blocks a key after its maximum of failures and frees it after the window", () => {
    const limits: [string, number][] = [["email:a@test", 3]];
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(signInWaitSeconds(limits, t0 + i)).toBeNull();
      recordSignInFailure(limits, t0 + i);
    }
    expect(signInWaitSeconds(limits, t0 + 10)).toBeGreaterThan(0);
    expect(signInWaitSeconds(limits, t0 + 15 * 60 * 1000 + 10)).toBeNull();
  });

  it("applies each key's own maximum", () => {
    const limits: [string, number][] = [["email:b@test", 10], ["ip:198.51.100.1", 2]];
    recordSignInFailure(limits, 5);
    recordSignInFailure(limits, 6);
    expect(signInWaitSeconds(limits, 7)).not.toBeNull();
  });
});
