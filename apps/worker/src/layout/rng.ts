// Seeded randomness for the layout: the same graph and seed give the same communities and positions
// (the stream is the engine's createRandom).

/** FNV-1a of a string: a stable seed from an id (the layout's version and discipline). */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
