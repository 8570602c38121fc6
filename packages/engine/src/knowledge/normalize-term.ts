// Term normalisation shared by extraction, verification and canonicalisation, so that a key made
// in one place matches a key made in another. Plain string rules (no tagger): an LLM provider's
// output is keyed the same way as the builtin extractor's.

// Plurals whose singular is not a suffix rule away; Latin/Greek forms are common in textbooks.
const IRREGULAR_SINGULAR: Readonly<Record<string, string>> = {
  bacteria: "bacterium",
  fungi: "fungus",
  nuclei: "nucleus",
  bacilli: "bacillus",
  cocci: "coccus",
  flagella: "flagellum",
  cilia: "cilium",
  mitochondria: "mitochondrion",
  protozoa: "protozoan",
  algae: "alga",
  larvae: "larva",
  hyphae: "hypha",
  spirochetes: "spirochete",
  phenomena: "phenomenon",
  criteria: "criterion",
  strata: "stratum",
  indices: "index",
  matrices: "matrix",
  vertices: "vertex",
  analyses: "analysis",
  hypotheses: "hypothesis",
  theses: "thesis",
  crises: "crisis",
  bases: "base",
  children: "child",
  men: "man",
  women: "woman",
  people: "person",
  teeth: "tooth",
  feet: "foot",
  mice: "mouse",
  lice: "louse",
  geese: "goose",
};

// Words that end in "s" but are not plurals (or whose plural is the same word).
const INVARIANT = new Set([
  "species", "series", "means", "news", "gas", "bias", "atlas", "canvas", "lens", "bus", "plus", "virus", "status", "census",
  "corpus", "stimulus", "apparatus", "consensus", "mucus", "pus", "fetus", "fungus", "nucleus", "bacillus", "coccus", "thus",
  "always", "perhaps", "whereas", "chaos", "ethos", "pathos", "diabetes", "measles", "mumps", "herpes", "rabies", "tetanus",
  "glucose", "sucrose", "lactose", "cellulose", "this", "its", "his", "has", "was", "is", "does", "yes", "us", "chassis",
  "biceps", "headquarters", "aids", "sars", "pancreas", "alias", "texas", "kansas", "arkansas",
  // -ics names of fields (the plural "antibiotics" still singularises)
  "economics", "physics", "genetics", "mathematics", "politics", "ethics", "dynamics", "kinetics", "mechanics", "optics",
  "statistics", "linguistics", "logistics", "electronics", "acoustics", "thermodynamics", "microeconomics", "macroeconomics",
  "econometrics", "genomics", "proteomics", "metabolomics", "bioinformatics", "informatics", "epigenetics", "pharmacokinetics",
  "aerodynamics", "biomechanics", "semantics", "phonetics", "aesthetics", "athletics", "obstetrics", "pediatrics",
]);

// Singulars ending in "s" whose plural adds "-es" ("viruses", "surpluses", "gases").
const ES_PLURAL_STEMS = new Set([
  "virus", "bonus", "campus", "census", "fetus", "sinus", "status", "apparatus", "surplus", "nexus", "focus", "onus", "consensus",
  "prospectus", "gas", "bias", "atlas", "canvas", "lens", "bus", "plus", "iris", "pancreas", "alias", "chorus", "circus", "minus",
]);

// "-ches" plurals of words that end in "-che" ("niches"), unlike "branches".
const CHE_WORDS = new Set(["niche", "ache", "headache", "cache", "avalanche", "moustache", "psyche", "cliche", "creche", "attache"]);

const TRIM_PUNCTUATION = /^[\s"'“”‘’`*_()[\]{}<>.,;:!?¡¿\-–—]+|[\s"'“”‘’`*_()[\]{}<>.,;:!?¡¿\-–—]+$/g;
const LEADING_DETERMINER = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|your|my|some|any|each|every)\s+/;

/** Singular of one lower-case word by suffix rules; words that are not plurals come back unchanged. */
export function singularizeWord(word: string): string {
  if (word.length <= 3 || INVARIANT.has(word)) return word;
  const irregular = IRREGULAR_SINGULAR[word];
  if (irregular) return irregular;
  if (word.endsWith("es") && ES_PLURAL_STEMS.has(word.slice(0, -2))) return word.slice(0, -2);
  if (/(?:ss|us|is|ous)$/.test(word)) return word;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ches") && CHE_WORDS.has(word.slice(0, -1))) return word.slice(0, -1);
  if (/(?:sses|xes|zzes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (/[^s']s$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The key of a term: lower case, Markdown emphasis, outer punctuation and a leading determiner
 * removed, dashes unified, whitespace collapsed, and the head (last word) singularised —
 * "the **Sales Taxes**" → "sales tax". Returns "" when nothing is left.
 */
export function normalizeTermKey(term: string): string {
  let s = term
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[*_`]+/g, "")
    .replace(/[‐‑‒–—]/g, "-")
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, " ")
    .replace(TRIM_PUNCTUATION, "");
  while (LEADING_DETERMINER.test(s)) s = s.replace(LEADING_DETERMINER, "");
  if (!s) return "";
  const cut = Math.max(s.lastIndexOf(" "), s.lastIndexOf("-")) + 1;
  return s.slice(0, cut) + singularizeWord(s.slice(cut));
}

/**
 * Text reduced to space-separated, singularised words, padded with spaces: "`x` contains `y`" is
 * checked as `keyifyText(x).includes(keyifyText(y).trim())` — word-bounded, and insensitive to
 * case, plurals, hyphens, Markdown emphasis and punctuation.
 */
export function keyifyText(text: string): string {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter((w) => w.length > 0)
    .map(singularizeWord);
  return ` ${words.join(" ")} `;
}

/** Whether `text` contains `term` as a whole-word sequence, modulo keyifyText's normalisation. */
export function containsTerm(keyifiedText: string, term: string): boolean {
  const needle = keyifyText(term);
  return needle.length > 2 && keyifiedText.includes(needle);
}

/** Variants that should merge with a key: hyphen ↔ space ↔ joined ("long-run", "long run", "longrun" stays distinct). */
export function listKeyVariants(key: string): string[] {
  const spaced = key.replace(/-/g, " ");
  return spaced === key ? [key] : [key, spaced];
}

/** A short form such as "ATP", "GDP", "mRNA", "CoA": 2–10 characters, at least two capitals or a capital and a digit. */
export function looksLikeAcronym(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+-]{1,9}$/.test(s) && (s.match(/[A-Z0-9]/g)?.length ?? 0) >= 2 && !/^[A-Z][a-z]+$/.test(s);
}

/**
 * Schwartz & Hearst (2003): the shortest suffix of `longForm` (in words) that an acronym can be
 * read from, right to left, with its first character starting a word. "adenosine triphosphate" ←
 * "ATP". Returns that suffix, or null.
 */
export function matchAcronym(acronym: string, longForm: string): string | null {
  const short = acronym.toLowerCase().replace(/[^a-z0-9]/g, "");
  const long = longForm.toLowerCase();
  if (short.length < 2 || !/[a-z]/.test(short[0]!)) return null;
  let s = short.length - 1;
  let l = long.length - 1;
  while (s >= 0) {
    const c = short[s]!;
    while (l >= 0 && (long[l] !== c || (s === 0 && l > 0 && /[a-z0-9]/.test(long[l - 1]!)))) l--;
    if (l < 0) return null;
    l--;
    s--;
  }
  const start = long.lastIndexOf(" ", l) + 1;
  const found = longForm.slice(start).trim();
  const words = found.split(/\s+/).length;
  return words <= Math.min(short.length + 5, short.length * 2) ? found : null;
}
