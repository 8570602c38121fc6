// A fast, dependency-free token estimate, close enough to BPE tokenizers (cl100k, Llama) for
// budgeting chunks: English prose averages ~0.75 words per token, i.e. ~1.3 tokens per word.
// Rules: a word of up to 6 letters is 1 token and longer words ceil(len / 6) (BPE splits rare, long
// words into pieces); digits group by 3 (as cl100k does); every punctuation mark or symbol is 1
// token; each CJK character is 1 token. It overcounts slightly, which is the safe side for budgets.

export const CharClass = { Space: 1, Letter: 2, Digit: 3, Cjk: 4, Symbol: 5 } as const;
export type TCharClass = (typeof CharClass)[keyof typeof CharClass];

const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{N}/u;
const SPACE = /\s/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

// One byte per BMP code unit, filled lazily: the Unicode regexes run once per distinct character.
const classTable = new Uint8Array(65536);

function classifySlow(code: number): TCharClass {
  if (code >= 0xd800 && code <= 0xdfff) return CharClass.Symbol; // surrogate halves: emoji and rare scripts
  const ch = String.fromCharCode(code);
  if (SPACE.test(ch)) return CharClass.Space;
  if (CJK.test(ch)) return CharClass.Cjk;
  if (LETTER.test(ch)) return CharClass.Letter;
  if (DIGIT.test(ch)) return CharClass.Digit;
  return CharClass.Symbol;
}

export function classifyChar(code: number): TCharClass {
  let cls = classTable[code]!;
  if (cls === 0) {
    cls = classifySlow(code);
    classTable[code] = cls;
  }
  return cls as TCharClass;
}

export const CHARS_PER_WORD_TOKEN = 6;
export const DIGITS_PER_TOKEN = 3;

export function estimatePieceTokens(cls: TCharClass, length: number): number {
  if (cls === CharClass.Letter) return Math.ceil(length / CHARS_PER_WORD_TOKEN);
  if (cls === CharClass.Digit) return Math.ceil(length / DIGITS_PER_TOKEN);
  return 1;
}

/**
 * Calls `onPiece(start, end, tokens)` for every word, number, CJK character or symbol, in order.
 * Offsets are UTF-16 indexes into `text`; a surrogate pair is kept together as one symbol.
 */
export function scanTokenPieces(text: string, onPiece: (start: number, end: number, tokens: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cls = classifyChar(text.charCodeAt(i));
    if (cls === CharClass.Space) {
      i++;
      continue;
    }
    const start = i;
    if (cls === CharClass.Letter || cls === CharClass.Digit) {
      i++;
      while (i < n && classifyChar(text.charCodeAt(i)) === cls) i++;
    } else {
      const code = text.charCodeAt(i);
      i += code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
    }
    onPiece(start, i, estimatePieceTokens(cls, i - start));
  }
}

export function countTokens(text: string): number {
  let total = 0;
  scanTokenPieces(text, (_s, _e, tokens) => {
    total += tokens;
  });
  return total;
}
