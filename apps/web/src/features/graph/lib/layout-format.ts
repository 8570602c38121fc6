// The overview payload's layout, shared by the server encoder and the browser decoder (see
// TGraphLayoutDto's comment in lib/api-types.ts). Browser-safe: no server imports.
import { LAYOUT_MAGIC } from "@/lib/api-types";

export { LAYOUT_MAGIC };
export const LAYOUT_FORMAT_VERSION = 1;
export const HEADER_BYTES = 16;

export { ALL_DISCIPLINES } from "@proda/core";

/** Type indexes are bytes: at most 255 distinct types; any beyond share the last slot. */
export const MAX_TYPES = 255;

/** Byte offsets of each section for n nodes and m edges; every typed section starts 4-aligned. */
export function layoutSections(n: number, m: number) {
  const positions = HEADER_BYTES;
  const edges = positions + 8 * n;
  const communities = edges + 8 * m;
  const types = communities + 4 * n;
  // Uint8 type indexes are padded to a multiple of 4 so the Uint32 degrees can be viewed in place.
  const degrees = types + Math.ceil(n / 4) * 4;
  const jsonLength = degrees + 4 * n;
  const json = jsonLength + 4;
  return { positions, edges, communities, types, degrees, jsonLength, json };
}
