// The last few layout payloads, kept in the web process: a ready layout never changes, and building
// one costs ~2 s of database time at 300k nodes, so a second viewer (or a cleared browser cache)
// gets it at once. Bounded by bytes; the least recently used payload goes first.
const MAX_BYTES = 96 * 1024 * 1024;

const cache = new Map<string, Uint8Array>();
let bytes = 0;

export async function cachedPayload(layoutId: string, build: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const hit = cache.get(layoutId);
  if (hit) {
    cache.delete(layoutId);
    cache.set(layoutId, hit); // most recently used last
    return hit;
  }
  const payload = await build();
  if (payload.byteLength > MAX_BYTES) return payload;
  cache.set(layoutId, payload);
  bytes += payload.byteLength;
  for (const [id, old] of cache) {
    if (bytes <= MAX_BYTES) break;
    cache.delete(id);
    bytes -= old.byteLength;
  }
  return payload;
}
