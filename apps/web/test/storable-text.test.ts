// Text PostgreSQL cannot store, found in request input before it reaches a query, and the database
// errors it causes when it gets there some other way (mapped to 400 by errorResponse).
import { describe, expect, it } from "vitest";
import { findUnstorable, isUnstorableTextError, unstorableReason } from "../src/server/storable-text.ts";

describe("storable text", () => {
  it("refuses NUL and unpaired surrogates, and nothing else", () => {
    expect(unstorableReason("a\u0000b")).toMatch(/NUL/);
    expect(unstorableReason("a\ud800b")).toMatch(/surrogate/);
    expect(unstorableReason("a\udc00")).toMatch(/surrogate/);
    for (const fine of ["", "plain", "emoji 🧪👩‍🔬", "𠜎", "abc\u202Edef", "zero\u200Bwidth", "%00", "'; DROP TABLE x; --"]) expect(unstorableReason(fine), fine).toBeNull();
  });

  it("finds the first bad string of parsed JSON, keys included, with its path", () => {
    expect(findUnstorable({ a: [{ b: "ok" }, { c: "x\u0000" }] }, 64)).toEqual({ path: "a.1.c", reason: expect.stringMatching(/NUL/) });
    expect(findUnstorable({ ["k\u0000"]: 1 }, 64)?.path).toBe("k\u0000");
    expect(findUnstorable("\ud800", 64)).toEqual({ path: "", reason: expect.stringMatching(/surrogate/) });
    expect(findUnstorable({ a: ["fine", 1, null, true], b: { c: "🧪" } }, 64)).toBeNull();
  });

  it("refuses nesting past the limit without overflowing its own stack", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorable(deep, 64)?.reason).toMatch(/nested more than 64/);
    let ok: unknown = "x";
    for (let i = 0; i < 64; i++) ok = { a: ok };
    expect(findUnstorable(ok, 64)).toBeNull();
  });

  it("recognises PostgreSQL's refusals of such text in every shape Prisma wraps them", () => {
    const cause = { originalCode: "22021", kind: "postgres", code: "22021" };
    expect(isUnstorableTextError({ name: "DriverAdapterError", cause })).toBe(true);
    expect(isUnstorableTextError({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "22P05" } } } })).toBe(true);
    expect(isUnstorableTextError({ code: "P2002" })).toBe(false);
    expect(isUnstorableTextError(new Error("boom"))).toBe(false);
  });
});
