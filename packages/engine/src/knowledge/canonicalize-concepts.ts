// Merges the per-chunk concepts of a project into canonical L1 concepts: the same normalised key,
// a hyphen/space variant, or a known alias (an acronym such as "ATP" for "adenosine triphosphate")
// makes two concepts one. Every chunk-level concept stays reachable through `mentions`.
import { listKeyVariants, looksLikeAcronym, normalizeTermKey } from "./normalize-term.ts";
import type { TConcept } from "./types.ts";

export type TConceptInput = Pick<TConcept, "key" | "term"> & Partial<Pick<TConcept, "aliases" | "definition" | "type">>;

export interface TCanonicalConcept {
  key: string;
  term: string;
  aliases: string[];
  definition: string | null;
  type: string;
  /** Every chunk-level concept merged into this one, in input order. */
  mentions: { chunkId: string; conceptKey: string }[];
}

export interface TCanonicalization {
  /** Sorted by key. */
  canonical: TCanonicalConcept[];
  /** `${chunkId}:${conceptKey}` → canonical key. */
  keyMap: Map<string, string>;
}

interface TEntry {
  chunkId: string;
  concept: TConceptInput;
}

function findRoot(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

function matchKeys(concept: TConceptInput): string[] {
  const keys = [normalizeTermKey(concept.key), normalizeTermKey(concept.term), ...(concept.aliases ?? []).map(normalizeTermKey)];
  return [...new Set(keys.filter(Boolean).flatMap(listKeyVariants))];
}

/** The most frequent value; ties go to the one seen first. */
function pickMostFrequent(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const v of values) if (best === undefined || counts.get(v)! > counts.get(best)!) best = v;
  return best;
}

function mergeGroup(entries: TEntry[]): TCanonicalConcept {
  // The canonical term: the most used term, long forms before acronyms, then its most used spelling.
  const terms = entries.map((e) => e.concept.term.trim());
  const longForms = terms.filter((t) => !looksLikeAcronym(t));
  const termKey = pickMostFrequent((longForms.length ? longForms : terms).map(normalizeTermKey)) || normalizeTermKey(entries[0]!.concept.key) || entries[0]!.concept.key;
  const term = pickMostFrequent(terms.filter((t) => normalizeTermKey(t) === termKey)) ?? termKey;
  const seen = new Set([term.toLowerCase()]);
  const aliases: string[] = [];
  for (const e of entries) {
    for (const surface of [e.concept.term, ...(e.concept.aliases ?? [])]) {
      const s = surface.trim();
      if (s && !seen.has(s.toLowerCase())) {
        seen.add(s.toLowerCase());
        aliases.push(s);
      }
    }
  }
  return {
    key: termKey,
    term,
    aliases,
    definition: entries.find((e) => e.concept.definition)?.concept.definition ?? null,
    type: pickMostFrequent(entries.map((e) => e.concept.type ?? "concept")) ?? "concept",
    mentions: entries.map((e) => ({ chunkId: e.chunkId, conceptKey: e.concept.key })),
  };
}

/** Pure and deterministic: the same input (in the same order) gives the same output. */
export function canonicalizeConcepts(items: { chunkId: string; concepts: TConceptInput[] }[]): TCanonicalization {
  const entries: TEntry[] = items.flatMap((item) => item.concepts.map((concept) => ({ chunkId: item.chunkId, concept })));
  const parent = Int32Array.from(entries, (_, i) => i);
  const owner = new Map<string, number>();
  entries.forEach((entry, i) => {
    for (const key of matchKeys(entry.concept)) {
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else {
        const a = findRoot(parent, i);
        const b = findRoot(parent, j);
        // The earlier entry stays the root, so group order follows the input.
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const groups = new Map<number, TEntry[]>();
  entries.forEach((entry, i) => {
    const root = findRoot(parent, i);
    const group = groups.get(root);
    if (group) group.push(entry);
    else groups.set(root, [entry]);
  });
  const canonical = [...groups.values()].map(mergeGroup).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const keyMap = new Map<string, string>();
  for (const concept of canonical) for (const m of concept.mentions) keyMap.set(`${m.chunkId}:${m.conceptKey}`, concept.key);
  return { canonical, keyMap };
}
