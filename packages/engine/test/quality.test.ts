import { describe, expect, it } from "vitest";
import { DEFAULT_QUALITY_SETTINGS, scoreChunk, ZQualitySettings } from "../src/index.ts";

const codes = (text: string, settings = DEFAULT_QUALITY_SETTINGS) => [...new Set(scoreChunk(text, settings).reasons.map((r) => r.code))];

const TEXTBOOK = `## The Problem of Scarcity

Economics is the study of how humans make decisions in the face of scarcity. These can be individual decisions, family decisions, business decisions or societal decisions. Scarcity means that human wants for goods, services and resources exceed what is available. Resources, such as labor, tools, land, and raw materials are necessary to produce the goods and services we want, but they exist in limited supply.

Because these resources are limited, so are the numbers of goods and services we produce with them. Combine this with the fact that human wants seem to be virtually infinite, and you can see why scarcity is a problem. The division of labor lets workers specialize, which raises productivity and lets a society produce more with the same resources.`;

describe("scoreChunk", () => {
  it("keeps a good textbook paragraph with no reasons and a high score", () => {
    const result = scoreChunk(TEXTBOOK);
    expect(result.reasons).toEqual([]);
    expect(result.keep).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(0.5);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.metrics.stopwordShare).toBeGreaterThan(0.3);
  });

  it("drops short chunks", () => {
    const result = scoreChunk("Figure 3. A supply curve.");
    expect(result.keep).toBe(false);
    expect(result.reasons[0]).toMatchObject({ code: "too_short", threshold: 32 });
    expect(result.score).toBeLessThan(0.5);
  });

  it("drops navigation and page boilerplate", () => {
    const nav = `Skip to content
Home
About us
Products
Blog
Contact
Sign in
We use cookies to improve your experience. Accept cookies
Privacy Policy
Terms of Use
© 2024 Example Corp. All rights reserved.
Click here to subscribe to our newsletter for weekly updates and offers`;
    const found = codes(nav);
    expect(found).toContain("navigation");
    expect(found).toContain("boilerplate");
    const reason = scoreChunk(nav).reasons.find((r) => r.code === "boilerplate")!;
    expect(reason.value).toBeGreaterThan(reason.threshold);
    expect(reason.detail).toMatch(/boilerplate/);
  });

  it("drops a maths dump", () => {
    const maths = Array.from({ length: 12 }, (_, i) => `$$\\frac{\\partial^2 u_{${i}}}{\\partial x^2} + \\alpha \\sum_{k=0}^{\\infty} \\beta_k \\int_0^1 f(x)\\,dx = \\sqrt{\\lambda_{${i}}}$$`).join("\n");
    const found = codes(maths);
    expect(found).toContain("symbol_density");
    expect(found).toContain("latex_density");
  });

  it("drops repeated lines and repeated phrases", () => {
    const repeated = Array.from({ length: 10 }, () => "Buy the best cheap watches online today with free shipping.").join("\n");
    const found = codes(repeated);
    expect(found).toContain("duplicate_lines");
    expect(found).toContain("repeated_ngrams");
    expect(found).toContain("low_information");
  });

  it("drops French text when English is expected, keeps it when any language is allowed", () => {
    const french = `La photosynthèse est le processus par lequel les plantes, les algues et certaines bactéries convertissent l'énergie lumineuse en énergie chimique. Elle se déroule principalement dans les chloroplastes, grâce à la chlorophylle qui absorbe la lumière. Au cours de ce processus, le dioxyde de carbone et l'eau sont transformés en glucose et en oxygène, ce qui fournit l'énergie nécessaire à la croissance des plantes.`;
    expect(codes(french)).toEqual(["wrong_language"]);
    const any = ZQualitySettings.parse({ language: { expected: "any" } });
    expect(scoreChunk(french, any).keep).toBe(true);
  });

  it("recognises Chinese text, for and against", () => {
    const chinese = "光合作用是植物、藻类和某些细菌利用光能，将二氧化碳和水转化为葡萄糖并释放氧气的过程。这个过程主要发生在叶绿体中，叶绿素吸收光能并驱动一系列化学反应。光合作用为地球上几乎所有生命提供了能量来源。".repeat(2);
    expect(codes(chinese)).toContain("wrong_language");
    const zh = ZQualitySettings.parse({ language: { expected: "zh" } });
    expect(codes(chinese, zh)).not.toContain("wrong_language");
    expect(codes(TEXTBOOK, zh)).toContain("wrong_language");
  });

  it("lets every rule be switched off or retuned", () => {
    const lenient = ZQualitySettings.parse({ length: { minTokens: 3 } });
    expect(scoreChunk("Figure 3. A supply curve.", lenient).keep).toBe(true);
    const off = ZQualitySettings.parse({ length: { enabled: false } });
    expect(scoreChunk("Figure 3. A supply curve.", off).keep).toBe(true);
    expect(ZQualitySettings.parse({})).toEqual(DEFAULT_QUALITY_SETTINGS);
  });

  it("is deterministic and reports every failed rule", () => {
    const repeated = Array.from({ length: 10 }, () => "spam spam spam spam").join("\n");
    const first = scoreChunk(repeated);
    expect(scoreChunk(repeated)).toEqual(first);
    expect(first.reasons.length).toBeGreaterThan(1);
  });
});
