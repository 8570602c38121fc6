// Recognises, at one token, a word or phrase that states a relation: a verb ("causes", "leads to",
// "is produced by"), a copula ("is a", "is part of", "is defined as"), or a cue ("such as",
// "unlike", "whereas"). Says how to read subject and object around it, not which they are.
import { RELATION_PHRASE, type TRelationType } from "../types.ts";
import { BE_PHRASES, BETWEEN_CUES, EXAMPLE_CUES, GENERIC_NOUNS, OF_NOUNS, PREFIX_CUES, STOP_VERBS, VERB_FORMS_BASE, VERB_FORMS_S, VERB_RULES } from "./lexicon.ts";
import type { TToken } from "./tag-text.ts";

export interface TTriggerMatch {
  type: TRelationType;
  /** verb: subject before, object after. example: object before, subjects after. prefix: "Unlike X, Y". between: "X whereas Y". */
  kind: "verb" | "example" | "prefix" | "between";
  /** Token range of the predicate as written, auxiliaries and "not" included. */
  from: number;
  to: number;
  /** Where the object search starts (after "by" in a passive). */
  objectFrom: number;
  /** Relation order is the reverse of text order. */
  swap: boolean;
  /** For a swapped relation, a predicate that reads from subject to object. */
  activePredicate: string | null;
  /** prefix cues: the main clause's mention is the subject ("Unlike X, Y" → Y contrasts_with X). between cues: the left side is a clause subject. */
  mainFirst: boolean;
  /** The left side is the mention right before the trigger, not the clause subject ("bacteria producing toxins"). */
  leftNearest?: boolean;
}

/** Where mentions start and end (one past their last token), by token index. */
export interface TMentionBounds {
  starts: Uint8Array;
  ends: Uint8Array;
}

// Adverbs that belong to a verb phrase as written ("does not always cause", "also produces").
const PREDICATE_ADVERBS = new Set(["not", "n't", "never", "also", "often", "always", "still", "only", "further", "thus", "even", "rarely", "seldom", "sometimes", "then"]);

const ARTICLES = new Set(["a", "an", "the", "one"]);
// Change words before "in"/"of" are nouns ("changes in price affect demand"), not verbs.
const CHANGE_NOUNS = new Set(["change", "changes", "increase", "increases", "decrease", "decreases", "rise", "rises", "fall", "falls", "decline", "declines", "shift", "shifts", "drop", "drops", "reduction", "reductions"]);

function matchWords(tokens: TToken[], at: number, words: readonly string[]): boolean {
  return words.every((w, k) => tokens[at + k]?.lower === w);
}

function skipAdverbs(tokens: TToken[], at: number): number {
  let k = at;
  while (tokens[k] && (tokens[k]!.pos === "ADV" || tokens[k]!.pos === "PART") && tokens[k]!.lower !== "to") k++;
  return k;
}

/** Start of the predicate as written: the verb plus the auxiliaries, adverbs and "not" right before it. */
function findPredicateStart(tokens: TToken[], p: number): number {
  let k = p;
  while (k > 0 && k > p - 4) {
    const t = tokens[k - 1]!;
    if (t.pos === "AUX" || t.pos === "PART" || (t.pos === "ADV" && (t.lower.endsWith("ly") || PREDICATE_ADVERBS.has(t.lower)))) k--;
    else break;
  }
  return k;
}

function conjugate(lemma: string): string {
  if (/(?:s|sh|ch|x|z|o)$/.test(lemma)) return `${lemma}es`;
  if (/[^aeiou]y$/.test(lemma)) return `${lemma.slice(0, -1)}ies`;
  return `${lemma}s`;
}

function isSentenceStart(tokens: TToken[], p: number): boolean {
  for (let k = 0; k < p; k++) if (!["CCONJ", "ADV", "PUNCT", "INTJ"].includes(tokens[k]!.pos)) return false;
  return true;
}

function matchCue(tokens: TToken[], p: number): TTriggerMatch | null {
  const base = { from: p, swap: false, activePredicate: null, mainFirst: false };
  const prefix = PREFIX_CUES.find((c) => matchWords(tokens, p, c.words));
  if (prefix && isSentenceStart(tokens, p)) {
    const to = p + prefix.words.length;
    return { ...base, type: prefix.type, kind: "prefix", to, objectFrom: to, mainFirst: prefix.mainFirst, activePredicate: RELATION_PHRASE[prefix.type] };
  }
  const example = EXAMPLE_CUES.find((words) => matchWords(tokens, p, words));
  if (example) {
    const to = p + example.length;
    return { ...base, type: "example_of", kind: "example", to, objectFrom: to, activePredicate: RELATION_PHRASE.example_of };
  }
  const between = BETWEEN_CUES.find((c) => matchWords(tokens, p, c.words));
  if (between && p > 0) {
    const to = p + between.words.length;
    // A cue is not a verb phrase: the predicate is the type's own ("contrasts with", "precedes").
    return { ...base, type: between.type, kind: "between", to, objectFrom: to, swap: between.swap, activePredicate: RELATION_PHRASE[between.type], mainFirst: between.clause };
  }
  return null;
}

function matchCopula(tokens: TToken[], p: number, mentionStarts: Uint8Array): TTriggerMatch | null {
  // The written predicate of "X is a Y" is "is" (with its adverbs and "not").
  if (tokens[p - 1]?.lower === "there") return null;
  const from = findPredicateStart(tokens, p);
  const q = skipAdverbs(tokens, p + 1);
  const phrase = BE_PHRASES.find((r) => matchWords(tokens, q, r.words));
  // "is named after", "is called for" do not name anything.
  const naming = phrase?.type === "defined_as" && phrase.words.length === 1 && tokens[q + 1]?.pos === "ADP";
  if (phrase && !naming) {
    const to = q + phrase.words.length;
    const swap = phrase.swap ?? false;
    return { type: phrase.type, kind: "verb", from, to, objectFrom: to, swap, activePredicate: swap ? RELATION_PHRASE[phrase.type] : null, mainFirst: false };
  }
  let r = q;
  while (tokens[r] && ARTICLES.has(tokens[r]!.lower)) r++;
  const afterDeterminer = r;
  while (tokens[r] && (tokens[r]!.pos === "ADJ" || tokens[r]!.pos === "ADV") && r < afterDeterminer + 3) r++;
  const ofNoun = OF_NOUNS.get(tokens[r]?.lower ?? "");
  if (ofNoun && (tokens[r + 1]?.lower === "of" || tokens[r + 1]?.lower === "for")) {
    const to = r + 2;
    const swap = ofNoun.swap ?? false;
    return { type: ofNoun.type, kind: "verb", from, to, objectFrom: to, swap, activePredicate: swap ? RELATION_PHRASE[ofNoun.type] : null, mainFirst: false };
  }
  // "X is a Y": the complement must start right there (adjectives may lead into it).
  for (let k = afterDeterminer; k <= Math.min(afterDeterminer + 2, tokens.length - 1); k++) {
    if (mentionStarts[k]) return { type: "is_a", kind: "verb", from, to: q, objectFrom: k, swap: false, activePredicate: null, mainFirst: false };
    if (tokens[k]!.pos !== "ADJ" && tokens[k]!.pos !== "ADV") break;
  }
  return null;
}

function matchVerb(tokens: TToken[], p: number, mentions: TMentionBounds, allowOther: boolean): TTriggerMatch | null {
  const t = tokens[p]!;
  const lemma = t.lemma;
  let before = p - 1;
  while (before >= 0 && (tokens[before]!.pos === "ADV" || tokens[before]!.lower === "not" || tokens[before]!.lower === "n't")) before--;
  const auxiliary = tokens[before];
  const afterBe = !!auxiliary && (auxiliary.lemma === "be" || auxiliary.lemma === "get");
  const gerund = t.lower.endsWith("ing");
  let passive = afterBe && !gerund && t.lower !== lemma && t.lower !== conjugate(lemma);
  let leftNearest = false;
  // Non-finite verbs state no relation of the clause subject: "to produce", "for transferring",
  // "cholera-causing". A participle right after its noun does: "bacteria producing toxins",
  // "radicals produced by mitochondria" (a passive: it needs "by").
  if (["to", "in"].includes(tokens[p - 1]?.lower ?? "") || (t.attached && tokens[p - 1]?.text === "-")) return null;
  if (CHANGE_NOUNS.has(t.lower) && (tokens[p + 1]?.lower === "in" || tokens[p + 1]?.lower === "of")) return null;
  // An item of a list the tagger read as a verb: "income, tastes, prices".
  const listy = (x: TToken | undefined): boolean => !!x && (x.text === "," || x.pos === "CCONJ");
  if (listy(tokens[p - 1]) && (listy(tokens[p + 1]) || !tokens[p + 1] || tokens[p + 1]!.pos === "PUNCT")) return null;
  if (gerund && !afterBe) {
    // Only typed verbs: an untyped participle ("trucks driving to …") is too often a modifier.
    if (!mentions.ends[p] || !VERB_RULES.has(lemma)) return null;
    leftNearest = true;
  } else if (!afterBe && /(?:ed|en|wn)$/.test(t.lower) && tokens[p + 1]?.pos === "ADP") {
    if (tokens[p + 1]!.lower !== "by" || !mentions.ends[p]) return null;
    passive = true;
    leftNearest = true;
  } else if (!afterBe && t.lower.endsWith("ed") && t.lower !== lemma) {
    // A past tense needs its subject right before it ("Bacteria evolved …"); otherwise the
    // participle is an adjective ("and associated carriers", "closely related bacteria").
    const subject = tokens[before];
    if (!subject || !(subject.pos === "NOUN" || subject.pos === "PROPN" || subject.pos === "PRON")) return null;
  }
  const from = findPredicateStart(tokens, p);

  let type: TRelationType;
  let ruleSwap = false;
  let to = p + 1;
  const rule = VERB_RULES.get(lemma);
  const order = ["before", "after"].includes(tokens[p + 1]?.lower ?? "") || matchWords(tokens, p + 1, ["prior", "to"]);
  if (rule && rule.particles) {
    const particles = rule.particles.find((words) => matchWords(tokens, skipAdverbs(tokens, p + 1), words));
    if (!particles) return null;
    type = rule.type;
    ruleSwap = rule.swap ?? false;
    to = skipAdverbs(tokens, p + 1) + particles.length;
  } else if (rule) {
    type = rule.type;
    ruleSwap = rule.swap ?? false;
  } else if (order) {
    // "X occurs before Y", "X happens after Y".
    type = "precedes";
    ruleSwap = tokens[p + 1]!.lower === "after";
    to = tokens[p + 1]!.lower === "prior" ? p + 3 : p + 2;
  } else {
    if (!allowOther || STOP_VERBS.has(lemma) || lemma.length < 2) return null;
    type = "other";
    const next = tokens[p + 1];
    if (next && next.pos === "ADP" && next.lower !== "by" && next.lower !== "of") to = p + 2;
  }
  let objectFrom = to;
  if (passive) {
    // An agentless passive ("X is produced in the cytoplasm") names no subject.
    if (tokens[to]?.lower !== "by") return null;
    objectFrom = to + 1;
  }
  const swap = ruleSwap !== passive;
  // Swapped by the passive alone, the verb still names the type ("is caused by" → "causes");
  // swapped by the verb's own meaning ("contains", "follows"), the type's phrase reads right.
  const particles = tokens.slice(p + 1, to).map((x) => x.lower).filter((w) => w !== "by");
  const activePredicate = !swap ? null : passive ? [conjugate(lemma), ...particles].join(" ") : RELATION_PHRASE[type];
  return { type, kind: "verb", from, to, objectFrom, swap, activePredicate, mainFirst: false, leftNearest };
}

/** The relation trigger starting at token `p`, if any ("X is a Y" needs a mention right after "is a"). */
export function matchTrigger(tokens: TToken[], p: number, mentions: TMentionBounds, allowOther: boolean): TTriggerMatch | null {
  const t = tokens[p]!;
  const cue = matchCue(tokens, p);
  if (cue) return cue;
  if (t.lemma === "be" && (t.pos === "AUX" || t.pos === "VERB")) return matchCopula(tokens, p, mentions.starts);
  const afterNoun = tokens[p - 1]?.pos === "NOUN" || tokens[p - 1]?.pos === "PROPN";
  const verbLike = t.pos === "VERB" || (afterNoun && (VERB_FORMS_S.has(t.lower) || VERB_FORMS_BASE.has(t.lower)));
  // Common nouns the tagger sometimes reads as verbs ("how people and firms react").
  if (!verbLike || t.lemma === "be" || (GENERIC_NOUNS.has(t.lower) && t.lower === t.lemma && !VERB_RULES.has(t.lemma))) return null;
  return matchVerb(tokens, p, mentions, allowOther);
}
