// Pure helpers of the Knowledge UI: highlight segmentation, the explorer's ring layout, the chain
// layout, cache patching for edits, the report reader and the edit diffs.
import { describe, expect, it } from "vitest";
import { layoutChain, type TChainStepInput } from "../src/features/knowledge/lib/chain-layout";
import { chainTitleChange, conceptChanges, parseAliases, relationChanges } from "../src/features/knowledge/lib/edit-patches";
import { findTermSpans, highlightRelationQuote, segmentBySpans } from "../src/features/knowledge/lib/highlight-segments";
import { rejectReasonLabel } from "../src/features/knowledge/lib/knowledge-labels";
import { patchPages, unwrapItem } from "../src/features/knowledge/lib/patch-pages";
import { readReport } from "../src/features/knowledge/lib/report";
import { boxBorderPoint, hopsFromCentre, layoutRings, radiusFor } from "../src/features/knowledge/lib/ring-layout";
import { defaultVersion, extractionProgress } from "../src/features/knowledge/lib/version-status";
import { formatMessage } from "../src/i18n/translate";

const t = (key: Parameters<typeof formatMessage>[1], vars?: Record<string, string | number>) => formatMessage("en", key, vars);
const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe("segmentBySpans", () => {
  it("covers the text exactly once and lists the spans over each piece", () => {
    const text = "Photosynthesis produces glucose. Glucose drives respiration.";
    const segments = segmentBySpans(text, [
      { start: 0, end: 32, key: "a" },
      { start: 15, end: 60, key: "b" },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.map((s) => [s.start, s.end, s.keys])).toEqual([
      [0, 15, ["a"]],
      [15, 32, ["a", "b"]],
      [32, 60, ["b"]],
    ]);
  });

  it("clamps spans to the text and ignores empty or inverted ones", () => {
    const segments = segmentBySpans("abcdef", [
      { start: -5, end: 2, key: "x" },
      { start: 4, end: 4, key: "empty" },
      { start: 5, end: 3, key: "inverted" },
      { start: 5, end: 99, key: "y" },
    ]);
    expect(segments.map((s) => [s.text, s.keys])).toEqual([
      ["ab", ["x"]],
      ["cde", []],
      ["f", ["y"]],
    ]);
  });

  it("returns one plain piece without spans, and nothing for empty text", () => {
    expect(segmentBySpans("plain", [])).toEqual([{ start: 0, end: 5, text: "plain", keys: [] }]);
    expect(segmentBySpans("", [{ start: 0, end: 3, key: "k" }])).toEqual([]);
  });
});

describe("term highlighting", () => {
  it("finds terms case-insensitively, across spacing and hyphens, with plural endings", () => {
    const quote = "Cellular  respiration produces ATP; cellular-respirations and glucoses too.";
    const spans = findTermSpans(quote, [
      { terms: ["cellular respiration"], role: "s" },
      { terms: ["glucose"], role: "o" },
    ]);
    expect(spans.map((s) => quote.slice(s.start, s.end))).toEqual(["Cellular  respiration", "cellular-respirations", "glucoses"]);
  });

  it("respects word boundaries (ATP is not inside ATPase) but not for CJK terms", () => {
    expect(findTermSpans("ATPase makes ATP.", [{ terms: ["ATP"], role: "t" }]).map((s) => s.start)).toEqual([13]);
    const zh = "光合作用产生葡萄糖。";
    const spans = findTermSpans(zh, [{ terms: ["葡萄糖"], role: "o" }]);
    expect(spans.map((s) => zh.slice(s.start, s.end))).toEqual(["葡萄糖"]);
  });

  it("keeps matches apart: earlier first, then longer, then the first role", () => {
    const text = "muscle contraction needs muscle";
    const spans = findTermSpans(text, [
      { terms: ["muscle"], role: "subject" },
      { terms: ["muscle contraction"], role: "object" },
    ]);
    expect(spans).toEqual([
      { start: 0, end: 18, key: "object" },
      { start: 25, end: 31, key: "subject" },
    ]);
  });

  it("marks the subject and the object of a relation in its quote, the rest as plain text", () => {
    const segments = highlightRelationQuote("Photosynthesis produces glucose in leaves.", ["photosynthesis"], ["glucose"]);
    expect(segments.map((s) => [s.text, s.keys[0] ?? null])).toEqual([
      ["Photosynthesis", "subject"],
      [" produces ", null],
      ["glucose", "object"],
      [" in leaves.", null],
    ]);
    // Regex characters in terms are literal.
    expect(highlightRelationQuote("C++ (a language) is fast", ["C++ (a language)"], []).map((s) => s.keys[0] ?? null)).toEqual(["subject", null]);
  });
});

describe("layoutRings", () => {
  const ring = (n: number, hop: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, hop, degree: n - i, term: `${prefix}${i}` }));

  it("puts the centre at the origin and 1-hop nodes on one ring, at least `spacing` apart", () => {
    const first = ring(30, 1, "a");
    const { positions, radii } = layoutRings("c", [{ id: "c", hop: 0, degree: 30 }, ...first], first.map((n) => ({ source: "c", target: n.id })), { spacing: 150 });
    expect(positions.get("c")).toEqual({ x: 0, y: 0 });
    const r = radii[0]!;
    expect(r).toBeCloseTo(Math.max(150, radiusFor(30, 150)));
    const points = first.map((n) => positions.get(n.id)!);
    for (const p of points) expect(Math.hypot(p.x, p.y)).toBeCloseTo(r);
    for (let i = 0; i < points.length; i++) for (let j = i + 1; j < points.length; j++) expect(dist(points[i]!, points[j]!)).toBeGreaterThanOrEqual(150 - 1e-6);
    // The most connected neighbour sits at the top.
    expect(points[0]!.x).toBeCloseTo(0);
    expect(points[0]!.y).toBeCloseTo(-r);
  });

  it("places 2-hop nodes outside, next to the 1-hop node that links them", () => {
    const nodes = [
      { id: "c", hop: 0, degree: 4 },
      { id: "n", hop: 1, degree: 3 }, { id: "e", hop: 1, degree: 2 }, { id: "s", hop: 1, degree: 1 },
      { id: "n2", hop: 2, degree: 1 }, { id: "e2", hop: 2, degree: 1 }, { id: "s2", hop: 2, degree: 1 },
    ];
    const edges = [
      { source: "c", target: "n" }, { source: "c", target: "e" }, { source: "s", target: "c" },
      { source: "n", target: "n2" }, { source: "e2", target: "e" }, { source: "s", target: "s2" },
    ];
    const { positions, radii } = layoutRings("c", nodes, edges);
    for (const id of ["n2", "e2", "s2"]) expect(Math.hypot(positions.get(id)!.x, positions.get(id)!.y)).toBeGreaterThan(radii[0]!);
    // Each 2-hop node is nearer its own parent than the other 1-hop nodes.
    for (const [child, parent] of [["n2", "n"], ["e2", "e"], ["s2", "s"]] as const) {
      const others = ["n", "e", "s"].filter((p) => p !== parent);
      for (const other of others) expect(dist(positions.get(child)!, positions.get(parent)!)).toBeLessThan(dist(positions.get(child)!, positions.get(other)!));
    }
  });

  it("spreads many 2-hop nodes over staggered sub-rings, keeping every sub-ring's spacing", () => {
    const first = ring(20, 1, "a");
    const second = ring(480, 2, "b");
    const edges = [...first.map((n) => ({ source: "c", target: n.id })), ...second.map((n, i) => ({ source: first[i % 20]!.id, target: n.id }))];
    const { positions, radii } = layoutRings("c", [{ id: "c", hop: 0, degree: 20 }, ...first, ...second], edges, { spacing: 150, maxSubRings: 4 });
    expect(positions.size).toBe(501);
    expect(radii.length).toBeGreaterThan(2); // the 1-hop ring and at least two sub-rings
    const byRing = new Map<number, { x: number; y: number }[]>();
    for (const n of second) {
      const p = positions.get(n.id)!;
      const r = Math.round(Math.hypot(p.x, p.y));
      byRing.set(r, [...(byRing.get(r) ?? []), p]);
    }
    expect(byRing.size).toBe(radii.length - 1);
    for (const points of byRing.values()) {
      let nearest = Infinity;
      for (let i = 0; i < points.length; i++) for (let j = i + 1; j < points.length; j++) nearest = Math.min(nearest, dist(points[i]!, points[j]!));
      expect(nearest).toBeGreaterThanOrEqual(150 - 1e-6);
    }
    // Smaller than one single ring holding all 480.
    expect(Math.max(...radii)).toBeLessThan(radiusFor(480, 150));
  });

  it("measures hops from the centre over the edges, whichever way they point", () => {
    const hops = hopsFromCentre("c", [
      { source: "b2", target: "b" }, // read first, but b is 1 hop away
      { source: "b", target: "c" },
      { source: "c", target: "a" },
      { source: "a", target: "a2" },
      { source: "x", target: "y" },
    ]);
    expect(Object.fromEntries(hops)).toEqual({ c: 0, b: 1, a: 1, b2: 2, a2: 2 });
  });

  it("is deterministic and handles a lone centre", () => {
    const nodes = [{ id: "c", hop: 0, degree: 0 }];
    expect(layoutRings("c", nodes, [])).toEqual({ positions: new Map([["c", { x: 0, y: 0 }]]), radii: [] });
    const a = layoutRings("c", [...nodes, ...ring(5, 1, "x")], []);
    const b = layoutRings("c", [...nodes, ...ring(5, 1, "x")], []);
    expect([...a.positions]).toEqual([...b.positions]);
  });

  it("ends edges on the border of the box they point at", () => {
    expect(boxBorderPoint({ x: 0, y: 0 }, 100, 20, { x: 200, y: 0 })).toEqual({ x: 50, y: 0 });
    expect(boxBorderPoint({ x: 0, y: 0 }, 100, 20, { x: 0, y: -50 })).toEqual({ x: 0, y: -10 });
    const p = boxBorderPoint({ x: 10, y: 10 }, 100, 20, { x: 110, y: 110 });
    expect(p).toEqual({ x: 20, y: 20 });
    expect(boxBorderPoint({ x: 3, y: 4 }, 10, 10, { x: 3, y: 4 })).toEqual({ x: 3, y: 4 });
  });
});

describe("layoutChain", () => {
  const step = (order: number, id: string, s: string, o: string, type = "causes", negated = false): TChainStepInput => ({
    order,
    text: `${s} ${type} ${o}.`,
    relation: { id, subject: { id: s, term: s.toUpperCase() }, object: { id: o, term: o.toUpperCase() }, type, predicate: type, negated },
  });

  it("orders steps in a column, joined in order, and concepts by first appearance", () => {
    const { nodes, edges } = layoutChain([step(2, "r2", "b", "c", "produces"), step(1, "r1", "a", "b"), step(3, "r3", "c", "d", "enables", true)]);
    const steps = nodes.filter((n) => n.type === "step");
    expect(steps.map((n) => n.id)).toEqual(["step-1", "step-2", "step-3"]);
    expect(steps.map((n) => n.position.y)).toEqual([0, 112, 224]);
    expect(steps[0]!.data).toMatchObject({ subject: "A", object: "B", type: "causes" });
    const concepts = nodes.filter((n) => n.type === "concept");
    expect(concepts.map((n) => n.id)).toEqual(["concept-a", "concept-b", "concept-c", "concept-d"]);
    expect(concepts[1]!.data).toMatchObject({ term: "B", steps: [1, 2] });
    expect(new Set(concepts.map((n) => n.position.x)).size).toBe(1);
    // The concept column is centred on the step column.
    const ys = concepts.map((n) => n.position.y);
    expect((ys[0]! + ys[ys.length - 1]!) / 2).toBeCloseTo(112);
    expect(edges.filter((e) => e.kind === "sequence").map((e) => [e.source, e.target])).toEqual([["step-1", "step-2"], ["step-2", "step-3"]]);
    expect(edges.filter((e) => e.kind === "relation")).toEqual([
      { id: "rel-r1", source: "concept-a", target: "concept-b", kind: "relation", type: "causes", negated: false, span: 1 },
      { id: "rel-r2", source: "concept-b", target: "concept-c", kind: "relation", type: "produces", negated: false, span: 1 },
      { id: "rel-r3", source: "concept-c", target: "concept-d", kind: "relation", type: "enables", negated: true, span: 1 },
    ]);
  });

  it("measures how many concept rows a relation jumps", () => {
    const { edges } = layoutChain([step(1, "r1", "a", "b"), step(2, "r2", "a", "c"), step(3, "r3", "d", "b")]);
    expect(edges.filter((e) => e.kind === "relation").map((e) => e.span)).toEqual([1, 2, 2]);
  });

  it("draws a relation used by two steps once", () => {
    const { edges } = layoutChain([step(1, "r1", "a", "b"), step(2, "r1", "a", "b")]);
    expect(edges.filter((e) => e.kind === "relation")).toHaveLength(1);
    expect(layoutChain([])).toEqual({ nodes: [], edges: [] });
  });
});

describe("patchPages", () => {
  type TItem = { id: string; v: number };
  type TPageOf = { items: TItem[]; nextCursor: string | null };
  const data = { pages: [{ items: [{ id: "a", v: 1 }, { id: "b", v: 2 }], nextCursor: "b" }, { items: [{ id: "c", v: 3 }], nextCursor: null }] as TPageOf[], pageParams: [null, "b"] };

  it("replaces matching items and keeps untouched pages identical", () => {
    const next = patchPages<TItem, TPageOf>(data, (i) => i.id === "c", (i) => ({ ...i, v: 30 }))!;
    expect(next.pages[1]!.items).toEqual([{ id: "c", v: 30 }]);
    expect(next.pages[0]).toBe(data.pages[0]);
    expect(next.pageParams).toBe(data.pageParams);
  });

  it("returns the same object when nothing matches (no re-render), and passes undefined through", () => {
    expect(patchPages<TItem, TPageOf>(data, (i) => i.id === "zz", (i) => i)).toBe(data);
    expect(patchPages<TItem, TPageOf>(undefined, () => true, (i) => i)).toBeUndefined();
  });

  it("unwraps an edit's answer, bare or wrapped", () => {
    expect(unwrapItem({ concept: { id: "x" } }, "concept")).toEqual({ id: "x" });
    expect(unwrapItem({ id: "x" }, "concept")).toEqual({ id: "x" });
  });
});

describe("readReport", () => {
  it("reads the worker's shape", () => {
    const stats = {
      concepts: 10, relations: 12, chains: 3, danglingRelations: 0, components: 2, largestComponent: 8, lccRatio: 0.8, orphanConcepts: 1, orphanShare: 0.1,
      outsideLargestComponent: 2, degree: { mean: 2.4, median: 2, min: 0, max: 6 }, degreeHistogram: [{ label: "0", min: 0, max: 0, count: 1 }], density: 0.27,
      stepsPerChain: { mean: 4, median: 4, min: 3, max: 5 }, relationsPerChain: 4,
    };
    const report = readReport({ report: { total: stats, disciplines: [{ discipline: "bio", ...stats }], verifiedQuoteShare: 0.9, rejected: [{ reason: "invalid_json", count: 2 }], rejectedItems: 5, tokens: { prompt: 100, completion: 50, perChunk: 15 }, costUsd: 0.01 } as never })!;
    expect(report.total).toEqual(stats);
    expect(report.disciplines[0]!.discipline).toBe("bio");
    expect(report).toMatchObject({ verifiedQuoteShare: 0.9, rejectedItems: 5, tokens: { prompt: 100, completion: 50, perChunk: 15 }, costUsd: 0.01 });
  });

  it("tolerates older or partial shapes and returns null without a report", () => {
    const report = readReport({ report: { total: { concepts: 4, orphanConcepts: ["a", "b"], largestComponentRatio: 0.5, degreeHistogram: [{ bucket: "1", count: 3 }], relationsPerChain: { mean: 2, max: 3 } } } as never })!;
    expect(report.total).toMatchObject({ concepts: 4, orphanConcepts: 2, orphanShare: 0.5, lccRatio: 0.5, relationsPerChain: 2, degree: { mean: 0, median: 0, min: 0, max: 0 } });
    expect(report.total.degreeHistogram).toEqual([{ label: "1", min: 0, max: 0, count: 3 }]);
    expect(report.disciplines).toEqual([]);
    expect(readReport({ report: null })).toBeNull();
    expect(readReport(null)).toBeNull();
  });
});

describe("edit diffs", () => {
  const concept = { term: "ATP", type: "entity", definition: "Energy currency.", aliases: ["adenosine triphosphate"] };

  it("sends only what changed, trimmed; an emptied definition as null; never an empty term", () => {
    expect(conceptChanges(concept, { term: " ATP ", type: "entity", definition: "Energy currency." })).toEqual({});
    expect(conceptChanges(concept, { term: "", type: "molecule", definition: "  " })).toEqual({ type: "molecule", definition: null });
    expect(conceptChanges(concept, { term: "ATP", type: "entity", definition: "Energy currency.", aliases: "adenosine triphosphate, ATP molecule\nATP molecule" })).toEqual({
      aliases: ["adenosine triphosphate", "ATP molecule"],
    });
  });

  it("parses aliases from commas, semicolons and lines (also full-width)", () => {
    expect(parseAliases(" a, b;c\n\nd，e；A ")).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("diffs relations and chain titles", () => {
    const relation = { type: "causes", predicate: "causes", negated: false };
    expect(relationChanges(relation, { type: "causes", predicate: " causes ", negated: false })).toEqual({});
    expect(relationChanges(relation, { type: "produces", predicate: "yields", negated: true })).toEqual({ type: "produces", predicate: "yields", negated: true });
    expect(chainTitleChange({ title: "Old" }, " New ")).toBe("New");
    expect(chainTitleChange({ title: "Old" }, "Old")).toBeNull();
    expect(chainTitleChange({ title: "Old" }, "   ")).toBeNull();
  });
});

describe("versions and labels", () => {
  it("defaults to the newest ready version and reports extraction progress", () => {
    const versions = [{ id: "3", status: "extracting" }, { id: "2", status: "ready" }, { id: "1", status: "ready" }] as const;
    expect(defaultVersion(versions)?.id).toBe("2");
    expect(defaultVersion([{ status: "failed" }])).toBeNull();
    expect(extractionProgress({ status: "extracting", chunksDone: 5, chunksTotal: 20 })).toBe(0.25);
    expect(extractionProgress({ status: "extracting", chunksDone: 0, chunksTotal: 0 })).toBeNull();
    expect(extractionProgress({ status: "ready", chunksDone: 1, chunksTotal: 2 })).toBe(1);
  });

  it("labels reject reasons, keeping unknown ones as written", () => {
    expect(rejectReasonLabel("invalid_json", t)).toBe("Not valid JSON");
    expect(rejectReasonLabel("schema: chains.0.steps: Required", t)).toBe("Does not match the schema");
    expect(rejectReasonLabel("truncated: invalid_json", t)).toBe("Not valid JSON (cut off at the token limit)");
    expect(rejectReasonLabel("provider_exploded", t)).toBe("provider_exploded");
  });
});
