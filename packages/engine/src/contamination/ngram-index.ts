// An index of token n-grams (13 by default) over a set of documents, answering "which runs of this
// text appear verbatim in an indexed document?". Each n-gram is keyed by two independent 32-bit
// polynomial rolling hashes (a 64-bit key) in an open-addressing table of typed arrays: 16k
// benchmark items hold ~1M n-grams in a few MB, and a lookup is one or two probes, so millions of
// training-sample n-grams stream through in seconds. Every hash hit is verified token by token.
import { hashToken, hashTokenAlt } from "./normalize-tokens.ts";

const BASE_A = 0x01000193;
const BASE_B = 0x5bd1e995;

export interface TNgramRun {
  /** The indexed document and which of its texts. */
  doc: number;
  text: number;
  /** Where the shared run starts in the indexed text and in the query. */
  docStart: number;
  queryStart: number;
  /** Tokens in the maximal shared run (≥ n). */
  length: number;
}

function power(base: number, exponent: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = Math.imul(result, base);
  return result;
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Both rolling hashes of every n-token window: window i covers tokens[i, i + n). */
export function hashNgrams(tokens: readonly string[], n: number): { a: Int32Array; b: Int32Array } {
  const count = Math.max(0, tokens.length - n + 1);
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  if (count === 0) return { a, b };
  const ta = new Int32Array(tokens.length);
  const tb = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    ta[i] = hashToken(tokens[i]!) | 0;
    tb[i] = hashTokenAlt(tokens[i]!) | 0;
  }
  const topA = power(BASE_A, n - 1);
  const topB = power(BASE_B, n - 1);
  let ha = 0;
  let hb = 0;
  for (let i = 0; i < n; i++) {
    ha = (Math.imul(ha, BASE_A) + ta[i]!) | 0;
    hb = (Math.imul(hb, BASE_B) + tb[i]!) | 0;
  }
  a[0] = ha;
  b[0] = hb;
  for (let i = 1; i < count; i++) {
    ha = (Math.imul((ha - Math.imul(ta[i - 1]!, topA)) | 0, BASE_A) + ta[i + n - 1]!) | 0;
    hb = (Math.imul((hb - Math.imul(tb[i - 1]!, topB)) | 0, BASE_B) + tb[i + n - 1]!) | 0;
    a[i] = ha;
    b[i] = hb;
  }
  return { a, b };
}

export class NgramIndex {
  private keysA = new Int32Array(1 << 12);
  private keysB = new Int32Array(1 << 12);
  /** Posting index + 1 of the newest posting for the slot's n-gram; 0 = empty slot. */
  private heads = new Int32Array(1 << 12);
  private used = 0;
  private readonly postNext: number[] = [];
  private readonly postDoc: number[] = [];
  private readonly postText: number[] = [];
  private readonly postPos: number[] = [];
  private readonly docs: string[][][] = [];

  constructor(readonly n = 13) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`An n-gram size must be a positive integer, got ${n}`);
  }

  get documentCount(): number {
    return this.docs.length;
  }

  get ngramCount(): number {
    return this.postDoc.length;
  }

  /** Indexes one document (its already-normalised texts); returns its number. */
  add(texts: readonly (readonly string[])[]): number {
    const doc = this.docs.length;
    this.docs.push(texts.map((t) => [...t]));
    texts.forEach((tokens, text) => {
      const { a, b } = hashNgrams(tokens, this.n);
      for (let pos = 0; pos < a.length; pos++) this.insert(a[pos]!, b[pos]!, doc, text, pos);
    });
    return doc;
  }

  private findSlot(ka: number, kb: number): number {
    const mask = this.heads.length - 1;
    let slot = (mix(ka) ^ kb) & mask;
    while (this.heads[slot] !== 0 && (this.keysA[slot] !== ka || this.keysB[slot] !== kb)) slot = (slot + 1) & mask;
    return slot;
  }

  private insert(ka: number, kb: number, doc: number, text: number, pos: number): void {
    if ((this.used + 1) * 2 > this.heads.length) this.grow();
    const slot = this.findSlot(ka, kb);
    if (this.heads[slot] === 0) {
      this.used++;
      this.keysA[slot] = ka;
      this.keysB[slot] = kb;
    }
    this.postNext.push(this.heads[slot]!);
    this.postDoc.push(doc);
    this.postText.push(text);
    this.postPos.push(pos);
    this.heads[slot] = this.postDoc.length;
  }

  private grow(): void {
    const { keysA, keysB, heads } = this;
    this.keysA = new Int32Array(heads.length * 2);
    this.keysB = new Int32Array(heads.length * 2);
    this.heads = new Int32Array(heads.length * 2);
    for (let i = 0; i < heads.length; i++) {
      if (heads[i] === 0) continue;
      const slot = this.findSlot(keysA[i]!, keysB[i]!);
      this.keysA[slot] = keysA[i]!;
      this.keysB[slot] = keysB[i]!;
      this.heads[slot] = heads[i]!;
    }
  }

  /**
   * The maximal runs of ≥ n tokens that `tokens` shares with indexed texts, one per (document, text,
   * alignment): a 40-token copied passage is one run of length 40, not 28 overlapping 13-grams.
   */
  findRuns(tokens: readonly string[]): TNgramRun[] {
    const runs: TNgramRun[] = [];
    if (tokens.length < this.n || this.used === 0) return runs;
    const { a, b } = hashNgrams(tokens, this.n);
    // Per (doc, text): the end and alignment of the last run found, to skip its inner windows.
    const lastRun = new Map<number, { end: number; offset: number }>();
    for (let i = 0; i < a.length; i++) {
      const slot = this.findSlot(a[i]!, b[i]!);
      for (let p = this.heads[slot]!; p !== 0; p = this.postNext[p - 1]!) {
        const doc = this.postDoc[p - 1]!;
        const text = this.postText[p - 1]!;
        const pos = this.postPos[p - 1]!;
        const runKey = doc * 4096 + Math.min(text, 4095);
        const last = lastRun.get(runKey);
        if (last && last.offset === i - pos && i < last.end) continue;
        const source = this.docs[doc]![text]!;
        let length = 0;
        while (i + length < tokens.length && pos + length < source.length && tokens[i + length] === source[pos + length]) length++;
        if (length < this.n) continue; // a hash collision, not a shared run
        lastRun.set(runKey, { end: i + length, offset: i - pos });
        runs.push({ doc, text, docStart: pos, queryStart: i, length });
      }
    }
    return runs;
  }

  /** The tokens of an indexed text (for reporting a run's words). */
  tokensOf(doc: number, text: number): readonly string[] {
    return this.docs[doc]?.[text] ?? [];
  }
}
