import { extractKnowledgeBuiltin, verifyExtraction } from "@proda/engine";
import { describe, expect, it } from "vitest";
import { alignQuote, buildExtractionSchema, toExtractedChunk } from "../src/index.ts";
import { toWireExtraction } from "./fake-openai-server.ts";
import { INFLATION, PHOTOSYNTHESIS } from "./fixtures.ts";

const TEXT = "Glycolysis produces pyruvate. Pyruvate enters the mitochondria. Glycolysis produces pyruvate.";

describe("alignQuote", () => {
  it("keeps offsets that slice out the quoted text", () => {
    expect(alignQuote(TEXT, { text: "Pyruvate enters", start: 30, end: 45 })).toEqual({ start: 30, end: 45 });
  });

  it("re-derives wrong offsets from a text that occurs once", () => {
    expect(alignQuote(TEXT, { text: "Pyruvate enters the mitochondria.", start: 2, end: 9 })).toEqual({ start: 30, end: 63 });
  });

  it("takes the occurrence nearest the model's offsets when the text repeats", () => {
    expect(alignQuote(TEXT, { text: "Glycolysis produces pyruvate.", start: 60, end: 70 })).toEqual({ start: 64, end: 93 });
    expect(alignQuote(TEXT, { text: "Glycolysis produces pyruvate.", start: 3, end: 5 })).toEqual({ start: 0, end: 29 });
  });

  it("allows whitespace differences (collapsed line breaks)", () => {
    const text = "The vaccine introduces\nthe antigen into the body.";
    expect(alignQuote(text, { text: "introduces the antigen", start: 0, end: 1 })).toEqual({ start: 12, end: 34 });
  });

  it("leaves a quote that is not in the chunk as given, for the verifier to reject", () => {
    expect(alignQuote(TEXT, { text: "Not in the text", start: 5, end: 10 })).toEqual({ start: 5, end: 10 });
  });
});

describe("toExtractedChunk", () => {
  it("round-trips the builtin extraction through the LLM JSON shape unchanged", () => {
    for (const text of [PHOTOSYNTHESIS, INFLATION]) {
      const extracted = extractKnowledgeBuiltin(text);
      expect(extracted.chains.length).toBeGreaterThan(0);
      const wire = buildExtractionSchema().schema.parse(toWireExtraction(extracted, text));
      const verified = verifyExtraction(text, toExtractedChunk(wire, text));
      expect(verified.rejected).toEqual([]);
      expect(verified.valid).toEqual(extracted);
    }
  });

  it("fixes shifted offsets and maps added relation types to other", () => {
    const extracted = extractKnowledgeBuiltin(PHOTOSYNTHESIS);
    const wire = toWireExtraction(extracted, PHOTOSYNTHESIS);
    const shifted = JSON.parse(JSON.stringify(wire), (k, v) => (k === "start" || k === "end" ? v + 7 : v));
    shifted.relations[0].type = "inhibits";
    const parsed = buildExtractionSchema(["inhibits"]).schema.parse(shifted);
    const chunk = toExtractedChunk(parsed, PHOTOSYNTHESIS);
    expect(chunk.relations.map((r) => r.quote)).toEqual(extracted.relations.map((r) => r.quote));
    expect(chunk.relations[0]!.type).toBe("other");
  });
});
