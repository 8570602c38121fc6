// Reads the overview payload (format: lib/api-types.ts, offsets: layout-format.ts) into typed-array
// views over the fetched buffer — no copies, so a 300k-node graph costs its ~28 MB once.
import { HEADER_BYTES, LAYOUT_FORMAT_VERSION, LAYOUT_MAGIC, layoutSections } from "./layout-format";

export interface TGraphData {
  nodeCount: number;
  edgeCount: number;
  /** [x0, y0, x1, y1, …] in layout units. */
  positions: Float32Array;
  /** [a0, b0, a1, b1, …] node indexes. */
  edges: Uint32Array;
  communities: Int32Array;
  /** Index into typeNames per node. */
  types: Uint8Array;
  degrees: Uint32Array;
  conceptIds: string[];
  terms: string[];
  typeNames: string[];
  communityCount: number;
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

export class LayoutFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LayoutFormatError";
  }
}

export function decodeLayout(buffer: ArrayBuffer): TGraphData {
  if (buffer.byteLength < HEADER_BYTES) throw new LayoutFormatError("The layout payload is truncated");
  const view = new DataView(buffer);
  const [magic, version, n, m] = [0, 4, 8, 12].map((at) => view.getUint32(at, true)) as [number, number, number, number];
  if (magic !== LAYOUT_MAGIC) throw new LayoutFormatError("Not a layout payload");
  if (version !== LAYOUT_FORMAT_VERSION) throw new LayoutFormatError(`Unsupported layout format ${version}`);
  const at = layoutSections(n, m);
  if (buffer.byteLength < at.json) throw new LayoutFormatError("The layout payload is truncated");
  const jsonLength = view.getUint32(at.jsonLength, true);
  if (buffer.byteLength < at.json + jsonLength) throw new LayoutFormatError("The layout payload is truncated");
  const tail = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, at.json, jsonLength))) as { conceptIds?: unknown; terms?: unknown; types?: unknown };
  const strings = (value: unknown, length?: number): string[] => {
    if (!Array.isArray(value) || (length !== undefined && value.length !== length)) throw new LayoutFormatError("The layout's node list does not match its counts");
    return value.map(String);
  };
  const positions = new Float32Array(buffer, at.positions, 2 * n);
  const edges = new Uint32Array(buffer, at.edges, 2 * m);
  const communities = new Int32Array(buffer, at.communities, n);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < 2 * n; i += 2) {
    const x = positions[i]!;
    const y = positions[i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  let communityCount = 0;
  for (let i = 0; i < n; i++) if (communities[i]! >= communityCount) communityCount = communities[i]! + 1;
  for (let i = 0; i < 2 * m; i++) if (edges[i]! >= n) throw new LayoutFormatError("An edge points outside the layout");
  return {
    nodeCount: n,
    edgeCount: m,
    positions,
    edges,
    communities,
    types: new Uint8Array(buffer, at.types, n),
    degrees: new Uint32Array(buffer, at.degrees, n),
    conceptIds: strings(tail.conceptIds, n),
    terms: strings(tail.terms, n),
    typeNames: strings(tail.types),
    communityCount,
    bounds: n ? { minX, minY, maxX, maxY } : { minX: 0, minY: 0, maxX: 0, maxY: 0 },
  };
}
