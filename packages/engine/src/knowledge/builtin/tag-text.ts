// Sentence splitting and part-of-speech tagging with wink-nlp's small English model (offline,
// deterministic, ~300k words/s). Tokens carry offsets into the text they were read from: wink
// keeps every character (preceding spaces + value rebuild the input), so offsets are running sums.
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

export interface TToken {
  text: string;
  lower: string;
  lemma: string;
  /** Universal POS tag: NOUN, PROPN, VERB, AUX, ADJ, ADP, DET, PRON, PUNCT, … */
  pos: string;
  start: number;
  end: number;
  /** No whitespace before it ("-" and "CoA" in "acetyl-CoA", "n't"). */
  attached: boolean;
}

export interface TTaggedSentence {
  tokens: TToken[];
  start: number;
  end: number;
}

type TWink = ReturnType<typeof winkNLP>;
let nlp: TWink | null = null;

// Loading the model takes ~150 ms, so it happens once, on first use; it holds no per-call state.
function getNlp(): TWink {
  nlp ??= winkNLP(model, ["sbd", "pos"]);
  return nlp;
}

/** Sentences of `text` with their tokens (whitespace tokens dropped). */
export function tagSentences(text: string): TTaggedSentence[] {
  const wink = getNlp();
  const its = wink.its;
  const doc = wink.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  // wink's typings declare `its.lemma` with a different parameter order than `out` expects.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  const all: (TToken | null)[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const space = spaces[i]!;
    const value = values[i]!;
    cursor += space.length;
    const start = cursor;
    cursor += value.length;
    all[i] =
      pos[i] === "SPACE" || !value.trim()
        ? null
        : { text: value, lower: value.toLowerCase(), lemma: (lemmas[i] ?? value).toLowerCase(), pos: pos[i]!, start, end: cursor, attached: space.length === 0 && i > 0 && all[i - 1] !== null };
  }
  const sentences: TTaggedSentence[] = [];
  for (const [from, to] of spans) {
    const list: TToken[] = [];
    for (let i = from; i <= to; i++) if (all[i]) list.push(all[i]!);
    if (list.length) sentences.push({ tokens: list, start: list[0]!.start, end: list[list.length - 1]!.end });
  }
  return sentences;
}
