// MinHash signatures for near-duplicate detection (Broder 1997), as used for LLM corpora
// (Lee et al. 2022). Word 5-gram shingles hashed to 32 bits, then `numPerm` permutations of the
// 32-bit space with fixed seeds: the same text gives the same signature on every machine, so
// signatures can be stored and compared across runs. Each permutation is h(x) = fmix32(a·x + b mod
// 2^32) with odd a: an affine bijection followed by murmur3's bijective finaliser, which mixes the
// low bits the affine step leaves regular. Integer-only, it is ~6× faster than (a·x + b) mod a
// prime in double precision (~0.15 ms for a 512-token chunk).

export interface TMinHashOptions {
  numPerm?: number;
  /** Words per shingle. */
  shingle?: number;
}

import { createRandom } from "../random.ts";

const EMPTY = 0xffffffff; // the largest value: the signature of an empty shingle set
const SEED = 0x5eed1234;
const WORD = /[\p{L}\p{N}]+/gu;

const coefficientCache = new Map<number, { a: Int32Array; b: Int32Array }>();

function getCoefficients(numPerm: number): { a: Int32Array; b: Int32Array } {
  let cached = coefficientCache.get(numPerm);
  if (!cached) {
    // Always drawn from the same seed in the same order: permutation i is identical for every numPerm.
    const random = createRandom(SEED);
    const a = new Int32Array(numPerm);
    const b = new Int32Array(numPerm);
    for (let i = 0; i < numPerm; i++) {
      a[i] = Math.floor(random() * 4294967296) | 1;
      b[i] = Math.floor(random() * 4294967296) | 0;
    }
    cached = { a, b };
    coefficientCache.set(numPerm, cached);
  }
  return cached;
}

function fnv1a(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mix(h: number): number {
  // murmur3 finaliser: a bijection on 32 bits that spreads every input bit over the output.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Distinct 32-bit hashes of the text's shingles (lower-cased words, `size` at a time). */
export function hashShingles(text: string, size: number): Uint32Array {
  const words = text.toLowerCase().match(WORD) ?? [];
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = words.map(fnv1a);
  const count = Math.max(1, words.length - size + 1);
  const seen = new Set<number>();
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    for (let j = i; j < Math.min(i + size, words.length); j++) h = Math.imul(h ^ wordHashes[j]!, 0x5bd1e995) ^ (h >>> 13);
    seen.add(mix(h));
  }
  return Uint32Array.from(seen);
}

export function computeMinHash(text: string, options: TMinHashOptions = {}): Uint32Array {
  const numPerm = options.numPerm ?? 128;
  const shingles = hashShingles(text, options.shingle ?? 5);
  const { a, b } = getCoefficients(numPerm);
  const signature = new Uint32Array(numPerm).fill(EMPTY);
  for (let p = 0; p < numPerm; p++) {
    const ap = a[p]!;
    const bp = b[p]!;
    let min = EMPTY;
    for (let s = 0; s < shingles.length; s++) {
      const value = mix((Math.imul(ap, shingles[s]!) + bp) | 0);
      if (value < min) min = value;
    }
    signature[p] = min;
  }
  return signature;
}

/** Share of equal positions: an unbiased estimate of the Jaccard similarity of the shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new Error(`Signatures differ in length (${a.length} vs ${b.length})`);
  if (a.length === 0) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/** 4 bytes per value, little-endian: 512 bytes for 128 permutations, stored as PostgreSQL bytea. */
export function signatureToBuffer(signature: Uint32Array): Buffer {
  const buffer = Buffer.alloc(signature.length * 4);
  for (let i = 0; i < signature.length; i++) buffer.writeUInt32LE(signature[i]!, i * 4);
  return buffer;
}

export function bufferToSignature(bytes: Uint8Array): Uint32Array {
  if (bytes.length % 4 !== 0) throw new Error(`A MinHash signature is a multiple of 4 bytes, got ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < signature.length; i++) signature[i] = view.getUint32(i * 4, true);
  return signature;
}
