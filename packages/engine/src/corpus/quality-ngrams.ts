// Gopher's repetition measures (Rae et al. 2021) over the words of a chunk: the share of characters
// in the most frequent n-gram (n = 2..4) and in n-grams that occur more than once (n = 5..10).
// Integer keys, one hashing pass for every n and a reused open-addressing table: this was the
// hottest part of scoring when each n re-hashed and counted its n-grams in a Map.

function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// A 30-bit key per n-gram: small integers keep the tables small, and with a few hundred n-grams per
// chunk the chance of any collision is ~1e-4 (and would only nudge a share). The key of the n-gram
// at i extends the running state of the (n-1)-gram at i by one word, so all n = 2..10 come from one
// pass of 10 mixing steps per position instead of re-mixing every n-gram from scratch.
const MIN_N = 2;
const MAX_N = 10;
const TOP_MAX_N = 4;

// Scratch buffers reused across chunks (scoring is synchronous, so never shared between calls).
let keyBuf = new Int32Array(0); // keys[(n - MIN_N) * W + i]
let tableKeys = new Int32Array(0); // open addressing: key + 1, 0 = empty
let tableCounts = new Int32Array(0);
let slotOf = new Int32Array(0); // slot of each position's key, so counts are read without re-probing

function ensureCapacity(words: number, tableSize: number): void {
  if (keyBuf.length < words * (MAX_N - MIN_N + 1)) keyBuf = new Int32Array(words * (MAX_N - MIN_N + 1) * 2);
  if (slotOf.length < words) slotOf = new Int32Array(words * 2);
  if (tableKeys.length < tableSize) {
    tableKeys = new Int32Array(tableSize);
    tableCounts = new Int32Array(tableSize);
  }
}

function fillKeys(hashes: Uint32Array, words: number): void {
  for (let i = 0; i < words; i++) {
    let h = 0x9e3779b9;
    const last = Math.min(MAX_N, words - i);
    for (let j = 0; j < last; j++) {
      h = Math.imul(h ^ hashes[i + j]!, 0x27d4eb2f) ^ (h >>> 15);
      if (j + 1 < MIN_N) continue;
      const f = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      keyBuf[(j + 1 - MIN_N) * words + i] = (f ^ (f >>> 13)) & 0x3fffffff;
    }
  }
}

/** Counts the `count` keys of one n in the shared table; leaves each position's slot in `slotOf`. */
function countKeys(offset: number, count: number, mask: number): void {
  tableKeys.fill(0, 0, mask + 1);
  for (let i = 0; i < count; i++) {
    const stored = keyBuf[offset + i]! + 1;
    let slot = stored & mask;
    for (;;) {
      const k = tableKeys[slot]!;
      if (k === stored) {
        tableCounts[slot]!++;
        break;
      }
      if (k === 0) {
        tableKeys[slot] = stored;
        tableCounts[slot] = 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    slotOf[i] = slot;
  }
}

/** Gopher's repetition measures over words: top n-gram and duplicate n-gram character shares. */
export function measureNgramRepetition(words: string[]): { top: number[]; duplicate: number[] } {
  const W = words.length;
  const hashes = new Uint32Array(W);
  const lengths = new Int32Array(W);
  let totalChars = 0;
  for (let i = 0; i < W; i++) {
    hashes[i] = hashWord(words[i]!);
    lengths[i] = words[i]!.length;
    totalChars += lengths[i]!;
  }
  totalChars ||= 1;
  let tableSize = 16;
  while (tableSize < 2 * W) tableSize *= 2;
  ensureCapacity(W, tableSize);
  fillKeys(hashes, W);
  const mask = tableSize - 1;
  const top: number[] = [];
  const duplicate: number[] = [];
  for (let n = MIN_N; n <= MAX_N; n++) {
    const count = W - n + 1;
    if (count <= 0) {
      (n <= TOP_MAX_N ? top : duplicate).push(0);
      continue;
    }
    countKeys((n - MIN_N) * W, count, mask);
    if (n <= TOP_MAX_N) {
      // The most frequent n-gram (seen more than once), ties going to the earliest first
      // occurrence; scanning positions in order reaches each n-gram's count first at that occurrence.
      let best = 1;
      let at = -1;
      for (let i = 0; i < count; i++) {
        const c = tableCounts[slotOf[i]!]!;
        if (c > best) {
          best = c;
          at = i;
        }
      }
      if (at === -1) top.push(0);
      else {
        let gramChars = 0;
        for (let j = at; j < at + n; j++) gramChars += lengths[j]!;
        top.push(Math.min(1, (best * gramChars) / totalChars));
      }
    } else {
      // Word w is covered when a repeated n-gram starts in (w - n, w]: track the furthest end so far.
      let coveredChars = 0;
      let coveredUntil = 0;
      for (let w = 0; w < W; w++) {
        if (w < count && tableCounts[slotOf[w]!]! > 1) coveredUntil = w + n;
        if (w < coveredUntil) coveredChars += lengths[w]!;
      }
      duplicate.push(coveredChars / totalChars);
    }
  }
  return { top, duplicate };
}
