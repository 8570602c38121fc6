// L3 chains from the relations of a chunk: maximal runs in text order, within a section, where each
// relation shares a concept with the step before it. Then, for each chain, the preconditions
// stated near it and the confusions (negated or contrasting sentences) about its concepts.
import type { TSpan } from "../types.ts";
import { CONDITION_CUES, CONTRAST_WORDS, NEGATION_WORDS, SEQUENCE_MARKERS } from "./lexicon.ts";
import type { TRawRelation } from "./extract-relations.ts";
import { spanOfTokens, textOfTokens, type TSentence } from "./sentences.ts";

export interface TChainOptions {
  /** A step may follow the previous one this many sentences later (twice that after "then", "next", a numbered list…). */
  maxSentenceGap: number;
  maxChainSteps: number;
  maxNotesPerChain: number;
}

export interface TChainDraft {
  /** Indices into the relation list, in order. */
  steps: number[];
  title: string;
  preconditions: { text: string; span: TSpan }[];
  negativeConstraints: { text: string; span: TSpan; relation: number | null }[];
}

interface TOpenChain {
  steps: number[];
  section: number;
  lastSentence: number;
  pairs: Set<string>;
}

const shares = (a: TRawRelation, b: TRawRelation): boolean =>
  a.subject.key === b.subject.key || a.subject.key === b.object.key || a.object.key === b.subject.key || a.object.key === b.object.key;

/** A sentence that continues a sequence: "Then …", "Next, …", or the next item of a numbered list. */
function continuesSequence(sentence: TSentence): boolean {
  return SEQUENCE_MARKERS.has(sentence.tokens[0]!.lower) || sentence.block.ordinal !== null || /\b(?:in turn|as a result)\b/i.test(sentence.text);
}

function isConnected(steps: number[], relations: TRawRelation[]): boolean {
  return steps.every((r, i) => i === 0 || shares(relations[steps[i - 1]!]!, relations[r]!));
}

/**
 * Whether `next` can follow the chain's last step. "X generates Y and Z. Y donates …": when a
 * coordinated sibling of the last step (same sentence, same subject) connects instead, it moves
 * last (in place) if the chain stays connected.
 */
function bringSiblingLast(steps: number[], relations: TRawRelation[], next: TRawRelation): boolean {
  const last = relations[steps[steps.length - 1]!]!;
  if (shares(last, next)) return true;
  const sibling = (r: TRawRelation): boolean => r.sentence === last.sentence && r.subject.key === last.subject.key;
  for (let i = steps.length - 2; i >= 0 && sibling(relations[steps[i]!]!); i--) {
    if (!shares(relations[steps[i]!]!, next)) continue;
    const reordered = [...steps.slice(0, i), ...steps.slice(i + 1), steps[i]!];
    if (!isConnected(reordered, relations)) continue;
    steps.splice(0, steps.length, ...reordered);
    return true;
  }
  return false;
}

function groupIntoChains(sentences: TSentence[], relations: TRawRelation[], options: TChainOptions): number[][] {
  const open: TOpenChain[] = [];
  const closed: number[][] = [];
  relations.forEach((relation, r) => {
    if (relation.negated || relation.type === "contrasts_with") return;
    const sentence = sentences[relation.sentence]!;
    const reach = continuesSequence(sentence) ? options.maxSentenceGap * 2 : options.maxSentenceGap;
    const pair = [relation.subject.key, relation.object.key].sort().join("|");
    let best: TOpenChain | null = null;
    let bestScore = -1;
    for (const chain of open) {
      if (chain.section !== sentence.section.index || relation.sentence - chain.lastSentence > reach || chain.pairs.has(pair)) continue;
      if (!bringSiblingLast(chain.steps, relations, relation)) continue;
      const last = relations[chain.steps[chain.steps.length - 1]!]!;
      // Prefer a chain that flows on (its last object is this subject), then the most recent one.
      const score = (last.object.key === relation.subject.key ? 1e6 : 0) + chain.lastSentence * 10 + chain.steps.length;
      if (score > bestScore) {
        best = chain;
        bestScore = score;
      }
    }
    if (best) {
      best.steps.push(r);
      best.pairs.add(pair);
      best.lastSentence = relation.sentence;
      if (best.steps.length >= options.maxChainSteps) {
        open.splice(open.indexOf(best), 1);
        closed.push(best.steps);
      }
    } else open.push({ steps: [r], section: sentence.section.index, lastSentence: relation.sentence, pairs: new Set([pair]) });
  });
  return [...closed, ...open.map((c) => c.steps)].filter((steps) => steps.length >= 2).sort((a, b) => a[0]! - b[0]!);
}

/** The conditional clause of a sentence: from the cue to the next comma (cue first) or to the end. */
function findCondition(sentence: TSentence): { text: string; span: TSpan } | null {
  const { tokens } = sentence;
  for (let k = 0; k < tokens.length; k++) {
    const cue = CONDITION_CUES.find((words) => words.every((w, i) => tokens[k + i]?.lower === w));
    if (!cue) continue;
    if (cue[0] === "under" && !tokens.slice(k + 1, k + 7).some((t) => t.lower.startsWith("condition") || t.lower === "circumstances")) continue;
    if (cue[0] === "when" && tokens[k]!.pos === "ADV" && k > 0 && tokens[k - 1]!.pos !== "PUNCT") continue;
    let end = tokens.length;
    if (k <= 1) {
      const comma = tokens.findIndex((t, i) => i > k && t.text === ",");
      if (comma > 0) end = comma;
    }
    while (end > k + 1 && tokens[end - 1]!.pos === "PUNCT") end--;
    if (end - k < 3) continue;
    return { text: textOfTokens(sentence, k, end), span: spanOfTokens(sentence, k, end) };
  }
  // "… requires X before Y" states what must hold first.
  if (tokens.some((t) => t.lemma === "require" || t.lemma === "need") && tokens.some((t) => t.lower === "before")) return { text: sentence.text, span: sentence.span };
  return null;
}

function isConfusion(sentence: TSentence): boolean {
  return sentence.tokens.some((t) => NEGATION_WORDS.has(t.lower) || CONTRAST_WORDS.has(t.lower));
}

function describeChain(steps: TRawRelation[], sentence: TSentence): string {
  const path = `${steps[0]!.subject.surface} → ${steps[steps.length - 1]!.object.surface}`;
  return sentence.section.title ? `${sentence.section.title}: ${path}` : path;
}

export function buildChains(sentences: TSentence[], relations: TRawRelation[], options: TChainOptions): TChainDraft[] {
  const usable = (s: TSentence): boolean => !s.section.skip && !s.section.glossary && !s.question;
  const conditions = new Map<number, { text: string; span: TSpan }>();
  const confusions: TSentence[] = [];
  for (const sentence of sentences) {
    if (!usable(sentence)) continue;
    const condition = findCondition(sentence);
    if (condition) conditions.set(sentence.index, condition);
    if (isConfusion(sentence)) confusions.push(sentence);
  }
  return groupIntoChains(sentences, relations, options).map((stepIndices) => {
    const steps = stepIndices.map((r) => relations[r]!);
    const concepts = new Set(steps.flatMap((s) => [s.subject.key, s.object.key]));
    const firstSentence = steps[0]!.sentence;
    const lastSentence = Math.max(...steps.map((s) => s.sentence));
    const section = sentences[firstSentence]!.section.index;
    const mentionsChain = (s: TSentence): boolean => s.mentions.some((m) => concepts.has(m.key));

    const preconditions: { text: string; span: TSpan }[] = [];
    for (let i = firstSentence - 1; i <= lastSentence + 1 && preconditions.length < options.maxNotesPerChain; i++) {
      const condition = conditions.get(i);
      const sentence = sentences[i];
      if (condition && sentence && sentence.section.index === section && (mentionsChain(sentence) || (i >= firstSentence && i <= lastSentence))) preconditions.push(condition);
    }

    // Confusions about the chain's concepts, nearest first; a stated (negated/contrast) relation is linked.
    const distance = (s: TSentence): number => (s.section.index === section ? 0 : 1e6) + Math.abs(s.index - firstSentence);
    const negativeConstraints = confusions
      .filter(mentionsChain)
      .sort((a, b) => distance(a) - distance(b) || a.index - b.index)
      .slice(0, options.maxNotesPerChain)
      .sort((a, b) => a.index - b.index)
      .map((sentence) => {
        const relation = relations.findIndex(
          (r) => r.sentence === sentence.index && (r.negated || r.type === "contrasts_with") && (concepts.has(r.subject.key) || concepts.has(r.object.key)),
        );
        return { text: sentence.text, span: sentence.span, relation: relation >= 0 ? relation : null };
      });
    return { steps: stepIndices, title: describeChain(steps, sentences[firstSentence]!), preconditions, negativeConstraints };
  });
}
