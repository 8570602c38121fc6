import { describe, expect, it } from "vitest";
import { affirmPredicate, agreePredicate, askObject, askSubject, askYesNo, cleanQuote, isPluralTerm, negatePredicate, renderSentence } from "../../src/builder/wording.ts";

describe("template wording", () => {
  it("agrees predicates with the subject's number", () => {
    expect(isPluralTerm("black markets")).toBe(true);
    expect(isPluralTerm("bacteria")).toBe(true);
    expect(isPluralTerm("glucose")).toBe(false);
    expect(isPluralTerm("ATP")).toBe(false);
    expect(isPluralTerm("economics")).toBe(false);
    expect(agreePredicate("raise", false)).toBe("raises");
    expect(agreePredicate("reduces", true)).toBe("reduce");
    expect(agreePredicate("is the first stage of", true)).toBe("are the first stage of");
    expect(agreePredicate("should not be confused with", true)).toBe("should not be confused with");
    expect(renderSentence("black markets", "raises", "price")).toBe("Black markets raise price.");
    expect(renderSentence("glycolysis", "produce", "pyruvate")).toBe("Glycolysis produces pyruvate.");
  });

  it("negates and affirms predicates", () => {
    expect(negatePredicate("produces")).toBe("does not produce");
    expect(negatePredicate("is part of")).toBe("is not part of");
    expect(negatePredicate("also reaches")).toBe("also does not reach");
    expect(affirmPredicate("does not produce")).toBe("produces");
    expect(affirmPredicate("do not cause")).toBe("cause");
    expect(affirmPredicate("is not part of")).toBe("is part of");
    expect(affirmPredicate("produces")).toBeNull();
  });

  it("asks for either end of a relation", () => {
    expect(askObject("glycolysis", "produces")).toBe("What does glycolysis produce?");
    expect(askObject("bacteria", "grow best near")).toBe("What do bacteria grow best near?");
    expect(askObject("glycolysis", "is the first stage of")).toBe("What is glycolysis the first stage of?");
    expect(askSubject("produce", "pyruvate", "Which of the following")).toBe("Which of the following produces pyruvate?");
    expect(askYesNo("a price floor", "causes", "a shortage")).toBe("Does a price floor cause a shortage?");
  });

  it("cleans Markdown out of quotes", () => {
    expect(cleanQuote("**Glycolysis** is the _first_ stage\n of [respiration](x.md).")).toBe("Glycolysis is the first stage of respiration.");
    expect(cleanQuote("1. The vaccine introduces the antigen.")).toBe("The vaccine introduces the antigen.");
  });
});
