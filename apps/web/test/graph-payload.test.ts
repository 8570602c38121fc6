// The overview payload: the server's encoder and the browser's decoder agree on the format (magic,
// counts, aligned sections, JSON tail), and the decoder refuses what is not a layout.
import { describe, expect, it } from "vitest";
import { decodeLayout, LayoutFormatError } from "../src/features/graph/lib/decode-layout";
import { layoutSections } from "../src/features/graph/lib/layout-format";
import { LAYOUT_MAGIC } from "../src/lib/api-types";
import { encodeLayoutPayload } from "../src/server/graph/layout-payload";
import { cachedPayload } from "../src/server/graph/payload-cache";

const bytes = (array: Float32Array | Uint32Array | Int32Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

function sample(n = 5) {
  const positions = Float32Array.from({ length: 2 * n }, (_, i) => (i % 2 ? -i : i) * 1.5);
  const edges = Uint32Array.from([0, 1, 1, 2, 3, 4]);
  const communities = Int32Array.from({ length: n }, (_, i) => i % 2);
  const tail = { conceptIds: Array.from({ length: n }, (_, i) => `c${i}`), terms: Array.from({ length: n }, (_, i) => `term ${i}`), types: ["process", "entity", "quantity"] };
  return {
    positions: bytes(positions), edges: bytes(edges), communities: bytes(communities),
    typeIndex: Uint8Array.from([0, 1, 0, 2, 0].slice(0, n)), degrees: Uint32Array.from({ length: n }, (_, i) => i * 3), tail: JSON.stringify(tail),
  };
}

describe("layout payload", () => {
  it("round-trips through the encoder and the decoder", () => {
    const input = sample();
    const graph = decodeLayout(encodeLayoutPayload(input).slice().buffer);
    expect(graph.nodeCount).toBe(5);
    expect(graph.edgeCount).toBe(3);
    expect([...graph.positions]).toEqual([...new Float32Array(input.positions.slice().buffer)]);
    expect([...graph.edges]).toEqual([0, 1, 1, 2, 3, 4]);
    expect([...graph.communities]).toEqual([0, 1, 0, 1, 0]);
    expect(graph.communityCount).toBe(2);
    expect([...graph.degrees]).toEqual([0, 3, 6, 9, 12]);
    expect(graph.conceptIds).toEqual(["c0", "c1", "c2", "c3", "c4"]);
    expect(graph.terms[4]).toBe("term 4");
    expect([...graph.types].map((t) => graph.typeNames[t])).toEqual(["process", "entity", "process", "quantity", "process"]);
    expect(graph.bounds).toEqual({ minX: 0, minY: -13.5, maxX: 12, maxY: -1.5 });
  });

  it("starts with the magic and keeps every typed section 4-aligned", () => {
    const payload = encodeLayoutPayload(sample(5));
    expect(new DataView(payload.buffer).getUint32(0, true)).toBe(LAYOUT_MAGIC);
    for (const n of [0, 1, 5, 6, 7]) for (const offset of Object.values(layoutSections(n, 3))) expect(offset % 4).toBe(0);
  });

  it("decodes an empty layout", () => {
    const graph = decodeLayout(encodeLayoutPayload({ ...sample(0), edges: new Uint8Array(0), tail: '{"conceptIds":[],"terms":[],"types":[]}' }).slice().buffer);
    expect(graph.nodeCount).toBe(0);
    expect(graph.bounds).toEqual({ minX: 0, minY: 0, maxX: 0, maxY: 0 });
  });

  it("refuses a wrong magic, a truncated payload, and edges pointing outside the layout", () => {
    const good = encodeLayoutPayload(sample());
    const bad = good.slice();
    bad[0] = 0;
    expect(() => decodeLayout(bad.buffer)).toThrow(LayoutFormatError);
    expect(() => decodeLayout(good.slice(0, good.byteLength - 10).buffer)).toThrow(/truncated/);
    expect(() => decodeLayout(new Uint8Array(8).buffer)).toThrow(/truncated/);
    const outside = encodeLayoutPayload({ ...sample(), edges: bytes(Uint32Array.from([0, 9])) });
    expect(() => decodeLayout(outside.slice().buffer)).toThrow(/outside/);
    const short = encodeLayoutPayload({ ...sample(), tail: JSON.stringify({ conceptIds: ["c0"], terms: [], types: [] }) });
    expect(() => decodeLayout(short.slice().buffer)).toThrow(/does not match/);
  });

  it("serves a built payload from the cache and builds each layout once", async () => {
    let builds = 0;
    const build = async () => (builds++, new Uint8Array(16));
    const first = await cachedPayload("layout-cache-test", build);
    expect(await cachedPayload("layout-cache-test", build)).toBe(first);
    expect(builds).toBe(1);
    // Bigger than the whole cache: built every time, never kept.
    const huge = async () => (builds++, new Uint8Array(100 * 1024 * 1024));
    await cachedPayload("layout-cache-huge", huge);
    await cachedPayload("layout-cache-huge", huge);
    expect(builds).toBe(3);
  });
});
