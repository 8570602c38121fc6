import { describe, expect, it } from "vitest";
import { en, messages, zh } from "../src/i18n/messages";
import { formatMessage } from "../src/i18n/translate";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n catalogue", () => {
  it("has exactly the same keys in English and Chinese", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it("has no empty strings", () => {
    for (const [locale, catalogue] of Object.entries(messages)) {
      for (const [key, value] of Object.entries(catalogue)) {
        expect(value.trim(), `${locale}:${key}`).not.toBe("");
      }
    }
  });

  it("uses the same placeholders in both languages", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(formatMessage("en", "projects.updated", { when: "today" })).toBe("Updated today");
    expect(formatMessage("zh", "members.added", { email: "a@b.c" })).toBe("已添加 a@b.c。");
    expect(formatMessage("en", "projects.updated")).toBe("Updated {when}");
  });
});
