import { describe, expect, it } from "vitest";
import { containsTerm, keyifyText, looksLikeAcronym, matchAcronym, normalizeTermKey, singularizeWord } from "../../src/index.ts";

describe("term normalisation", () => {
  it.each([
    ["the **Sales Taxes**", "sales tax"],
    ["Bacteria", "bacterium"],
    ["viruses", "virus"],
    ["Processes", "process"],
    ["economics", "economics"],
    ["species", "species"],
    ["policies", "policy"],
    ["amino acids", "amino acid"],
    ["long-run  equilibrium.", "long-run equilibrium"],
    ["“Price Ceiling”", "price ceiling"],
    ["CO₂", "co2"],
    ["niches", "niche"],
    ["branches", "branch"],
    ["analysis", "analysis"],
  ])("%s → %s", (term, key) => expect(normalizeTermKey(term)).toBe(key));

  it("singularises simple plurals only", () => {
    expect(["cells", "enzymes", "fungi", "mitochondria", "antibiotics", "gas", "status"].map(singularizeWord)).toEqual([
      "cell", "enzyme", "fungus", "mitochondrion", "antibiotic", "gas", "status",
    ]);
  });

  it("matches terms word by word, ignoring case, plurals and markup", () => {
    const text = keyifyText("Most bacteria are **neutrophile**s; the *E. coli* cell-wall is thin.");
    expect(containsTerm(text, "Neutrophile")).toBe(true);
    expect(containsTerm(text, "bacterium")).toBe(true);
    expect(containsTerm(text, "cell wall")).toBe(true);
    expect(containsTerm(text, "E. coli")).toBe(true);
    expect(containsTerm(text, "wall is")).toBe(true);
    expect(containsTerm(text, "neutro")).toBe(false);
    expect(containsTerm(text, "")).toBe(false);
  });

  it("reads acronyms from their long forms (Schwartz & Hearst)", () => {
    expect(matchAcronym("ATP", "adenosine triphosphate")).toBe("adenosine triphosphate");
    expect(matchAcronym("GDP", "real gross domestic product")).toBe("gross domestic product");
    expect(matchAcronym("ETS", "the electron transport system")).toBe("electron transport system");
    expect(matchAcronym("ATP", "glucose molecule")).toBeNull();
    expect(["ATP", "mRNA", "CoA", "GDP", "Bacteria", "A", "pH"].map(looksLikeAcronym)).toEqual([true, true, true, true, false, false, false]);
  });
});
