// Typed relations between two concept mentions of one sentence. The subject is the clause's first
// mention (or the antecedent of "which", or the previous sentence's relation for a sentence-initial
// "this"/"it"); the object is the first mention after the predicate, plus coordinated ones.
import { RELATION_PHRASE, type TRelationType, type TSpan } from "../types.ts";
import { ANAPHORA_OBJECT, ANAPHORA_SUBJECT, NEGATION_WORDS, SEQUENCE_MARKERS } from "./lexicon.ts";
import { matchTrigger, type TMentionBounds, type TTriggerMatch } from "./match-trigger.ts";
import type { TMention } from "./mentions.ts";
import { textOfTokens, type TSentence } from "./sentences.ts";
import type { TToken } from "./tag-text.ts";

export interface TMentionRef {
  key: string;
  surface: string;
}

export interface TRawRelation {
  subject: TMentionRef;
  object: TMentionRef;
  type: TRelationType;
  predicate: string;
  negated: boolean;
  /** Sentence index in the chunk and token position of the trigger: text order. */
  sentence: number;
  position: number;
  quote: TSpan;
}

/** The previous sentence's relations, for a sentence that opens with "This …" (its last object) or "It …" (its first subject). */
export interface TPreviousRelations {
  first: TRawRelation;
  last: TRawRelation;
}

export interface TRelationOptions {
  includeOtherRelations: boolean;
  maxCoordinatedObjects: number;
}

const RELATIVE = new Set(["which", "who", "whom", "whose", "where"]);
const SUBORDINATORS = new Set(["because", "although", "though", "but", "whereas", "while", "if", "unless", "when", "since", "so", "however", "how", "why", "what", "whether"]);
const MAX_OBJECT_DISTANCE = 12;
// "the four classes of electron carriers are …": the subject is what follows "of".
const CLASS_NOUNS = new Set(["class", "classes", "type", "types", "kind", "kinds", "group", "groups", "number", "amount", "series", "set", "variety", "range", "majority", "form", "forms", "category", "categories", "family", "families", "pair", "most", "many", "some", "all", "each", "one", "both"]);

interface TFound {
  ref: TMentionRef;
  /** The mention in this sentence, or null when it was resolved from the previous sentence. */
  mention: TMention | null;
}

class SentenceReader {
  readonly mentionAt: Int32Array;
  readonly bounds: TMentionBounds;
  readonly boundary: Uint8Array;

  constructor(readonly sentence: TSentence) {
    const n = sentence.tokens.length;
    this.mentionAt = new Int32Array(n).fill(-1);
    this.bounds = { starts: new Uint8Array(n + 1), ends: new Uint8Array(n + 1) };
    this.boundary = new Uint8Array(n);
    sentence.mentions.forEach((m, i) => {
      this.mentionAt.fill(i, m.start, m.end);
      this.bounds.starts[m.start] = 1;
      this.bounds.ends[m.end] = 1;
    });
    sentence.tokens.forEach((t, k) => {
      const punctuation = [";", ":", ",", "(", ")", "—"].includes(t.text) || (t.text === "–" && !t.attached);
      const that = t.lower === "that" && t.pos !== "DET";
      if (punctuation || that || t.pos === "SCONJ" || RELATIVE.has(t.lower) || SUBORDINATORS.has(t.lower)) this.boundary[k] = 1;
    });
  }

  private ref(m: TMention): TFound {
    return { ref: { key: m.key, surface: m.surface }, mention: m };
  }

  /**
   * A mention after a preposition is a modifier ("in bacteria"), unless a direction word owns it
   * ("an increase in price") or it heads a class noun ("the four classes of electron carriers").
   */
  private isPrepositional(m: TMention): boolean {
    const { tokens } = this.sentence;
    let k = m.start - 1;
    while (k >= 0 && ["DET", "ADJ", "CCONJ", "NUM"].includes(tokens[k]!.pos)) k--;
    if (k < 0 || tokens[k]!.pos !== "ADP" || m.sign !== 0) return false;
    if (tokens[k]!.lower !== "of") return true;
    let h = k - 1;
    while (h >= 0 && tokens[h]!.pos === "ADJ") h--;
    return !(h >= 0 && CLASS_NOUNS.has(tokens[h]!.lower) && this.mentionAt[h]! < 0);
  }

  /** The mention ending nearest before token `at`, across at most a comma or an opening parenthesis. */
  nearestBefore(at: number): TFound | null {
    let k = at - 1;
    while (k >= 0 && [",", "("].includes(this.sentence.tokens[k]!.text)) k--;
    const i = k >= 0 ? this.mentionAt[k]! : -1;
    return i >= 0 ? this.ref(this.sentence.mentions[i]!) : null;
  }

  findSubject(from: number, previous: TPreviousRelations | null): TFound | null {
    const { tokens, mentions } = this.sentence;
    // Back to the clause start, stepping over parentheticals: "the acceptor (i.e., …) at the end is …".
    const skipped = new Uint8Array(tokens.length);
    let b = from - 1;
    while (b >= 0) {
      if (tokens[b]!.text === ")") {
        const open = tokens.map((t) => t.text).lastIndexOf("(", b);
        if (open < 0) break;
        skipped.fill(1, open, b + 1);
        b = open - 1;
        continue;
      }
      if (this.boundary[b]) break;
      b--;
    }
    const inClause = mentions.filter((m) => m.start > b && m.end <= from && !skipped[m.start]);
    const first = inClause.find((m) => !this.isPrepositional(m));
    if (first) return this.ref(first);
    if (b >= 0 && (RELATIVE.has(tokens[b]!.lower) || tokens[b]!.lower === "that")) {
      // "X, which (in turn) causes Y": X is the subject. "a price that one pays": it is not.
      // "a tax that does not discourage Y will raise Z": the relative clause has its verb, so
      // this is the main verb, and its subject is the antecedent too.
      const between = tokens.slice(b + 1, from);
      const light = between.every((t) => ["ADV", "AUX", "PART"].includes(t.pos) || t.lower === "in" || t.lower === "turn");
      return light || between.some((t) => t.pos === "VERB") ? this.nearestBefore(b) : null;
    }
    // "This leads to …", "It then releases …": the previous relation's object or subject.
    const opening = tokens.slice(0, from).every((t, k) => k > b || t.pos === "ADV" || t.pos === "CCONJ" || t.pos === "PUNCT" || SEQUENCE_MARKERS.has(t.lower));
    if (previous && opening) {
      for (let k = b + 1; k < from; k++) {
        if (ANAPHORA_OBJECT.has(tokens[k]!.lower)) return { ref: previous.last.object, mention: null };
        if (ANAPHORA_SUBJECT.has(tokens[k]!.lower)) return { ref: previous.first.subject, mention: null };
      }
    }
    if (b < 0) return null;
    const main = mentions.find((m) => m.end <= from && !skipped[m.start] && !this.isPrepositional(m));
    return main ? this.ref(main) : null;
  }

  /** The first mention from `from` on, in the same clause, and the mentions coordinated with it ("X, Y and Z"). */
  findObjects(from: number, max: number): TFound[] {
    const { tokens, mentions } = this.sentence;
    let first: TMention | null = null;
    for (let k = from; k < tokens.length && k < from + MAX_OBJECT_DISTANCE; k++) {
      const i = this.mentionAt[k]!;
      if (i >= 0) {
        first = mentions[i]!;
        break;
      }
      if (this.boundary[k] || (k > from && (tokens[k]!.pos === "VERB" || tokens[k]!.pos === "AUX"))) break;
    }
    if (!first) return [];
    const found = [this.ref(first)];
    let k = first.end;
    while (found.length < max) {
      let j = k;
      let joined = false;
      while (j < tokens.length && [",", "and", "or"].includes(tokens[j]!.lower)) {
        joined = true;
        j++;
      }
      while (j < tokens.length && tokens[j]!.pos === "DET") j++;
      const i = j < tokens.length ? this.mentionAt[j]! : -1;
      if (!joined || i < 0 || mentions[i]!.start !== j) break;
      const next = mentions[i]!;
      // "X produces Y and Z uses W": Z starts a new clause.
      if (tokens[next.end]?.pos === "VERB" || tokens[next.end]?.pos === "AUX") break;
      found.push(this.ref(next));
      k = next.end;
    }
    return found;
  }

  isNegated(match: TTriggerMatch, subject: TFound, object: TFound): boolean {
    const { tokens } = this.sentence;
    const end = object.mention ? object.mention.start : match.to;
    for (let k = Math.max(0, match.from - 1); k < end; k++) if (NEGATION_WORDS.has(tokens[k]!.lower)) return true;
    const before = subject.mention ? tokens[subject.mention.start - 1]?.lower : undefined;
    return before === "no" || before === "neither" || before === "nor";
  }
}

/** "An increase in X leads to a fall in Y" is X decreases Y. */
function applyDirections(type: TRelationType, subject: TFound, object: TFound): TRelationType {
  const s1 = subject.mention?.sign ?? 0;
  const s2 = object.mention?.sign ?? 0;
  if (type === "increases" || type === "decreases") {
    if (!s1 && !s2) return type;
    return (type === "increases" ? 1 : -1) * (s1 || 1) * (s2 || 1) > 0 ? "increases" : "decreases";
  }
  if ((type === "causes" || type === "other" || type === "enables") && s2 !== 0) return (s1 || 1) * s2 > 0 ? "increases" : "decreases";
  return type;
}

function resolvePairs(reader: SentenceReader, match: TTriggerMatch, previous: TPreviousRelations | null, max: number): [TFound, TFound][] {
  const { tokens, mentions } = reader.sentence;
  if (match.kind === "example") {
    // The examples follow the cue directly: "nutrients such as nitrogen and phosphorus".
    const category = reader.nearestBefore(match.from);
    let k = match.to;
    while (tokens[k]?.pos === "DET") k++;
    return category && reader.bounds.starts[k] ? reader.findObjects(k, max).map((example) => [example, category]) : [];
  }
  if (match.kind === "prefix") {
    // "Unlike X, Y …": X before the first comma, Y the main clause's subject after it.
    const comma = tokens.findIndex((t, k) => k >= match.to && t.text === ",");
    const cued = mentions.find((m) => m.start >= match.to && (comma < 0 || m.end <= comma));
    const main = comma < 0 ? undefined : mentions.find((m) => m.start > comma);
    if (!cued || !main) return [];
    const x = { ref: { key: cued.key, surface: cued.surface }, mention: cued };
    const y = { ref: { key: main.key, surface: main.surface }, mention: main };
    return [match.mainFirst ? [y, x] : [x, y]];
  }
  const nearest = match.leftNearest || (match.kind === "between" && !match.mainFirst);
  const left = nearest ? reader.nearestBefore(match.from) : reader.findSubject(match.from, previous);
  if (!left) return [];
  const rights = reader.findObjects(match.objectFrom, match.kind === "verb" ? max : 1);
  return rights.map((right) => (match.swap ? [right, left] : [left, right]));
}

/** An `other` verb keeps the adverbs and preposition before its object: "grow best near". */
function writtenEnd(sentence: TSentence, match: TTriggerMatch, object: TFound): number {
  if (match.type !== "other" || match.swap || !object.mention) return match.to;
  let end = object.mention.start;
  while (end > match.to && sentence.tokens[end - 1]!.pos === "DET") end--;
  const between = sentence.tokens.slice(match.to, end);
  const light = (t: TToken): boolean => t.pos === "ADV" || t.pos === "ADP" || t.pos === "PART" || ["best", "well", "better", "only"].includes(t.lower);
  return between.length <= 3 && between.every(light) ? end : match.to;
}

/** An instruction ("Decide whether …", "Sketch the curve") asserts nothing. */
function isImperative(sentence: TSentence): boolean {
  const first = sentence.tokens[0]!;
  return first.pos === "VERB" && first.lower === first.lemma && !first.attached;
}

/** Relations of one sentence; `previous` holds the sentence before's relations, for anaphora. */
export function extractSentenceRelations(sentence: TSentence, previous: TPreviousRelations | null, options: TRelationOptions): TRawRelation[] {
  const reader = new SentenceReader(sentence);
  const found: TRawRelation[] = [];
  const { tokens } = sentence;
  if (isImperative(sentence)) return found;
  for (let p = 0; p < tokens.length; p++) {
    if (reader.mentionAt[p]! >= 0) continue;
    const match = matchTrigger(tokens, p, reader.bounds, options.includeOtherRelations);
    if (!match) continue;
    for (const [subject, object] of resolvePairs(reader, match, previous, options.maxCoordinatedObjects)) {
      if (subject.ref.key === object.ref.key) continue;
      const fromPrevious = !subject.mention || !object.mention;
      const written = textOfTokens(sentence, match.from, writtenEnd(sentence, match, object)) || RELATION_PHRASE[match.type];
      found.push({
        subject: subject.ref,
        object: object.ref,
        type: match.kind === "verb" ? applyDirections(match.type, subject, object) : match.type,
        predicate: match.activePredicate ?? written,
        // "should not be confused with" states a contrast; it does not deny one.
        negated: match.kind === "verb" && match.type !== "contrasts_with" && reader.isNegated(match, subject, object),
        sentence: sentence.index,
        position: p,
        quote: fromPrevious && previous ? { start: previous.first.quote.start, end: sentence.span.end } : sentence.span,
      });
    }
    p = Math.max(p, match.to - 1);
  }
  return found;
}
