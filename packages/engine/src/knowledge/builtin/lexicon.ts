// Word lists of the builtin extractor: which verbs and phrases signal which relation type, and
// which words are too generic to be concepts. Edit here to tune extraction; the matcher is in
// match-trigger.ts.
import type { TRelationType } from "../types.ts";

export interface TVerbRule {
  type: TRelationType;
  /** Words that must follow the verb, one alternative each ("lead to", "result in"). */
  particles?: string[][];
  /** In the active voice the object comes first: "X contains Y" → Y part_of X. The passive flips it again. */
  swap?: boolean;
}

/** Keyed by lemma. A verb not listed becomes an `other` relation unless it is in STOP_VERBS. */
export const VERB_RULES: ReadonlyMap<string, TVerbRule> = new Map<string, TVerbRule>([
  ...["cause", "trigger", "induce", "drive", "provoke", "spark"].map((v) => [v, { type: "causes" }] as const),
  ["lead", { type: "causes", particles: [["to"]] }],
  ["result", { type: "causes", particles: [["in"]] }],
  ["give", { type: "causes", particles: [["rise", "to"]] }],
  ["bring", { type: "causes", particles: [["about"]] }],
  ["contribute", { type: "causes", particles: [["to"]] }],
  ...["prevent", "inhibit", "block", "suppress", "hinder", "impede", "halt", "stop", "inactivate", "deter", "preclude", "neutralize", "neutralise"].map(
    (v) => [v, { type: "prevents" }] as const,
  ),
  ...["enable", "allow", "permit", "facilitate"].map((v) => [v, { type: "enables" }] as const),
  ...["require", "need"].map((v) => [v, { type: "requires" }] as const),
  ["depend", { type: "requires", particles: [["on"], ["upon"]] }],
  ["rely", { type: "requires", particles: [["on"], ["upon"]] }],
  ...["increase", "raise", "boost", "stimulate", "enhance", "promote", "accelerate", "elevate", "amplify", "strengthen", "intensify", "augment", "activate"].map(
    (v) => [v, { type: "increases" }] as const,
  ),
  ...["decrease", "reduce", "lower", "limit", "diminish", "lessen", "impair", "restrict", "weaken", "curb", "dampen", "depress", "slow", "shrink", "cut"].map(
    (v) => [v, { type: "decreases" }] as const,
  ),
  ["precede", { type: "precedes" }],
  ["follow", { type: "precedes", swap: true }],
  ...["produce", "form", "generate", "yield", "release", "synthesize", "synthesise", "secrete", "excrete", "emit", "create"].map(
    (v) => [v, { type: "produces" }] as const,
  ),
  ...["contain", "comprise", "include", "encompass"].map((v) => [v, { type: "part_of", swap: true }] as const),
  ["consist", { type: "part_of", particles: [["of"]], swap: true }],
  ["differ", { type: "contrasts_with", particles: [["from"]] }],
  ["refer", { type: "defined_as", particles: [["to"]] }],
  ["mean", { type: "defined_as" }],
  ["measure", { type: "measured_by", swap: true }],
]);

/**
 * Verb forms the small tagger sometimes reads as nouns, gluing them into a noun phrase
 * ("the chain drives ATP synthase", "higher wages increase costs"). Third-person forms split a
 * phrase when followed by more words; base forms only after a plural noun.
 */
export const VERB_FORMS_S = new Set([
  "causes", "leads", "results", "produces", "prevents", "inhibits", "increases", "decreases", "reduces", "requires", "enables",
  "allows", "raises", "lowers", "limits", "stimulates", "blocks", "generates", "forms", "contains", "includes", "releases",
  "drives", "yields", "converts", "donates", "enters", "activates", "triggers", "boosts", "promotes", "suppresses", "synthesizes",
  "secretes", "needs", "affects", "determines", "regulates", "controls", "creates", "shifts", "binds", "transports", "uses",
]);
export const VERB_FORMS_BASE = new Set([
  "cause", "lead", "result", "produce", "prevent", "inhibit", "increase", "decrease", "reduce", "require", "enable", "allow",
  "raise", "lower", "limit", "stimulate", "block", "generate", "form", "contain", "include", "release", "drive", "yield", "need",
  "affect", "determine", "regulate", "control", "create", "shift", "bind", "boost", "promote", "suppress", "use",
  "decline", "rise", "fall", "grow", "change", "vary", "differ", "depend",
]);

/** Verbs too light to name a relation on their own. */
export const STOP_VERBS = new Set([
  "be", "have", "do", "get", "say", "see", "seem", "appear", "show", "use", "find", "note", "recall", "consider", "call", "let",
  "know", "think", "look", "want", "try", "tend", "begin", "continue", "illustrate", "describe", "discuss", "explain", "mention",
  "learn", "imagine", "suppose", "assume", "present", "state", "read", "write", "ask", "answer", "figure", "remember", "notice",
  "put", "set", "go", "come", "take", "keep", "happen", "make", "become", "remain", "stay", "occur", "exist",
]);

export interface TPhraseRule {
  /** Lower-case words after a form of "be" (adverbs and "not" may come between). */
  words: string[];
  type: TRelationType;
  swap?: boolean;
}

/** Passive and adjectival phrases after "be": "X is defined as Y", "X is composed of Y". Longest first. */
export const BE_PHRASES: readonly TPhraseRule[] = [
  { words: ["referred", "to", "as"], type: "defined_as", swap: true },
  { words: ["defined", "as"], type: "defined_as" },
  { words: ["known", "as"], type: "defined_as", swap: true },
  { words: ["called"], type: "defined_as", swap: true },
  { words: ["termed"], type: "defined_as", swap: true },
  { words: ["named"], type: "defined_as", swap: true },
  ...["by", "in", "as", "using", "with"].map((p) => ({ words: ["measured", p], type: "measured_by" as const })),
  ...["in", "as", "by"].map((p) => ({ words: ["expressed", p], type: "measured_by" as const })),
  ...["by", "as", "in"].map((p) => ({ words: ["quantified", p], type: "measured_by" as const })),
  { words: ["made", "up", "of"], type: "part_of", swap: true },
  { words: ["composed", "of"], type: "part_of", swap: true },
  { words: ["comprised", "of"], type: "part_of", swap: true },
  { words: ["contained", "in"], type: "part_of" },
  { words: ["contained", "within"], type: "part_of" },
  { words: ["formed", "from"], type: "produces", swap: true },
  { words: ["derived", "from"], type: "produces", swap: true },
  { words: ["required", "for"], type: "requires", swap: true },
  { words: ["needed", "for"], type: "requires", swap: true },
  { words: ["necessary", "for"], type: "requires", swap: true },
  { words: ["essential", "for"], type: "requires", swap: true },
  { words: ["responsible", "for"], type: "causes" },
  { words: ["different", "from"], type: "contrasts_with" },
  { words: ["distinct", "from"], type: "contrasts_with" },
  { words: ["followed", "by"], type: "precedes" },
  { words: ["preceded", "by"], type: "precedes", swap: true },
  { words: ["confused", "with"], type: "contrasts_with" },
  { words: ["mistaken", "for"], type: "contrasts_with" },
];

/** "X is a <noun> of Y": the noun decides the type ("a type of" → is_a, "a product of" → produces, reversed). */
export const OF_NOUNS: ReadonlyMap<string, TPhraseRule> = new Map(
  (
    [
      [["type", "kind", "form", "class", "category", "member", "subtype", "subclass", "variety", "subset", "sort", "genus", "family"], "is_a", false],
      [["part", "component", "constituent", "element", "subunit", "portion", "piece", "fraction", "stage", "step", "phase"], "part_of", false],
      [["example", "instance"], "example_of", false],
      [["cause", "driver", "determinant", "trigger"], "causes", false],
      [["product", "byproduct", "by-product"], "produces", true],
      [["result", "consequence", "outcome", "effect"], "causes", true],
      [["measure", "indicator", "index", "gauge"], "measured_by", true],
      [["precursor", "predecessor"], "precedes", false],
      [["prerequisite", "requirement"], "requires", true],
      [["inhibitor", "blocker"], "prevents", false],
      [["source"], "produces", false],
    ] as const
  ).flatMap(([nouns, type, swap]) => nouns.map((n) => [n, { words: [n], type, swap }] as const)),
);

/** Cues that introduce examples of the mention before them: "nutrients such as nitrogen". */
export const EXAMPLE_CUES: readonly string[][] = [["such", "as"], ["e.g."], ["eg"], ["for", "example"], ["for", "instance"], ["including"], ["especially"]];

/** Sentence-initial cues "Unlike X, Y …", "After X, Y …": [cue words, type, whether the main-clause mention comes first]. */
export const PREFIX_CUES: readonly { words: string[]; type: TRelationType; mainFirst: boolean }[] = [
  { words: ["unlike"], type: "contrasts_with", mainFirst: true },
  { words: ["in", "contrast", "to"], type: "contrasts_with", mainFirst: true },
  { words: ["compared", "with"], type: "contrasts_with", mainFirst: true },
  { words: ["compared", "to"], type: "contrasts_with", mainFirst: true },
  { words: ["after"], type: "precedes", mainFirst: false },
  { words: ["following"], type: "precedes", mainFirst: false },
  { words: ["before"], type: "precedes", mainFirst: true },
  { words: ["prior", "to"], type: "precedes", mainFirst: true },
];

/**
 * Cues between two mentions: "X, whereas Y", "X rather than Y", "X before Y". `clause`: the left
 * side is the subject of the left clause ("Acidophiles grow at low pH, whereas …"), else the nearest mention.
 */
export const BETWEEN_CUES: readonly { words: string[]; type: TRelationType; swap: boolean; clause: boolean }[] = [
  { words: ["whereas"], type: "contrasts_with", swap: false, clause: true },
  { words: ["in", "contrast", "to"], type: "contrasts_with", swap: false, clause: true },
  { words: ["as", "opposed", "to"], type: "contrasts_with", swap: false, clause: false },
  { words: ["compared", "with"], type: "contrasts_with", swap: false, clause: true },
  { words: ["compared", "to"], type: "contrasts_with", swap: false, clause: true },
  { words: ["unlike"], type: "contrasts_with", swap: false, clause: true },
  { words: ["rather", "than"], type: "contrasts_with", swap: false, clause: false },
  { words: ["instead", "of"], type: "contrasts_with", swap: false, clause: false },
  { words: ["followed", "by"], type: "precedes", swap: false, clause: false },
  { words: ["prior", "to"], type: "precedes", swap: false, clause: false },
  { words: ["before"], type: "precedes", swap: false, clause: false },
  { words: ["after"], type: "precedes", swap: true, clause: false },
];

export const NEGATION_WORDS = new Set(["not", "n't", "never", "no", "cannot", "neither", "nor", "none", "nothing"]);

/** Words that make a sentence a common-confusion candidate even without a negated relation. */
export const CONTRAST_WORDS = new Set(["unlike", "whereas", "contrary", "misconception", "confused", "confuse", "mistakenly", "incorrectly", "opposed", "rather"]);

/** "An increase in X", "higher X": the direction a mention is said to move in. */
export const UP_WORDS = new Set(["increase", "increases", "rise", "rises", "growth", "gain", "surge", "boost", "expansion", "higher", "greater", "more", "increased", "rising", "larger", "elevated"]);
export const DOWN_WORDS = new Set(["decrease", "decreases", "fall", "falls", "decline", "drop", "reduction", "loss", "contraction", "lower", "less", "fewer", "reduced", "decreased", "falling", "declining", "smaller"]);

/** Single nouns too generic to be a concept on their own (they still count inside a longer term). */
export const GENERIC_NOUNS = new Set([
  "way", "ways", "example", "examples", "case", "cases", "fact", "lot", "kind", "type", "types", "sort", "number", "amount", "part", "parts",
  "instance", "end", "side", "term", "terms", "thing", "things", "addition", "order", "respect", "figure", "table", "section", "chapter",
  "question", "answer", "increase", "decrease", "rise", "fall", "decline", "change", "changes", "result", "results", "effect", "effects",
  "one", "ones", "other", "others", "time", "times", "level", "use", "basis", "role", "ability", "function", "aspect", "feature",
  "factor", "factors", "group", "variety", "range", "form", "forms", "step", "steps", "stage", "point", "place", "area", "fig",
  "reason", "problem", "issue", "idea", "approach", "situation", "condition", "conditions", "process", "method", "means", "manner",
  "degree", "extent", "quantity", "value", "values", "set", "series", "couple", "majority", "minority", "half", "percent", "percentage",
  "cause", "causes", "product", "products", "component", "source", "measure", "member", "class", "category", "consequence", "outcome",
  "direction", "course", "alternative", "today", "year", "years", "day", "days", "century", "people", "someone", "everyone", "something", "everything",
]);

/** Adjectives trimmed from the front of a noun phrase: they quantify rather than name. */
export const TRIM_ADJECTIVES = new Set([
  "most", "many", "much", "more", "less", "fewer", "few", "other", "such", "several", "various", "certain", "same", "own", "further",
  "additional", "respective", "entire", "whole", "numerous", "each", "every", "both", "all", "any", "some", "first", "second", "third",
  "last", "next", "previous", "following", "above", "below", "given", "particular", "specific", "different", "similar", "new",
  "important", "main", "major", "key", "typical", "usual", "large", "small", "higher", "lower", "greater", "larger", "smaller",
  "increased", "decreased", "reduced", "rising", "falling", "elevated", "declining", "overall", "total", "possible", "likely",
]);

/** Sentence-initial words that refer back to the previous sentence's relation. */
export const ANAPHORA_OBJECT = new Set(["this", "these", "that", "those", "such"]);
export const ANAPHORA_SUBJECT = new Set(["it", "they", "its", "their"]);
export const SEQUENCE_MARKERS = new Set(["first", "firstly", "then", "next", "finally", "subsequently", "afterwards", "afterward", "later", "second", "secondly", "third", "thirdly", "lastly", "eventually", "consequently", "therefore", "thus", "hence"]);

/** Markers of a precondition: "if", "only when", "under … conditions", "in the presence of". */
export const CONDITION_CUES: readonly string[][] = [
  ["only", "if"], ["only", "when"], ["if"], ["when"], ["whenever"], ["unless"], ["provided", "that"], ["as", "long", "as"],
  ["in", "the", "presence", "of"], ["in", "the", "absence", "of"], ["under"], ["assuming"], ["given", "that"], ["as", "soon", "as"],
];
