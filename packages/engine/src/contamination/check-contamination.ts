// The contamination guard (DESIGN invariant 4): no benchmark text inside training data. Benchmark
// items are indexed once (exact questions, 13-gram runs, word sets of questions); training
// samples then stream through one at a time, so 160k samples × 16k items is a linear pass, not a
// cross product. Each hit names the sample, the item and why; the node report lists the benchmark
// relations that training teaches with the item's wording.
import { z } from "zod";
import { NgramIndex } from "./ngram-index.ts";
import { normalizeTokens } from "./normalize-tokens.ts";
import { WordSetIndex } from "./word-set-index.ts";

export const ZContaminationOptions = z.object({
  /** Tokens in a shared run that count as overlap (13, as in GPT-3's decontamination). */
  ngram: z.number().int().min(4).max(64).default(13),
  /** Word-set Jaccard similarity at which a sample text is a near-duplicate of a question. */
  nearDuplicateThreshold: z.number().min(0.5).max(1).default(0.8),
  /** Questions with fewer distinct words are left to the exact check: short templates collide by chance. */
  minNearDuplicateTokens: z.number().int().min(1).default(6),
});
export type TContaminationOptions = z.infer<typeof ZContaminationOptions>;
export type TContaminationOptionsInput = z.input<typeof ZContaminationOptions>;

/** A training sample: every text it holds (question, answer, options…) and the relations it teaches. */
export interface TContaminationSample {
  key: string;
  texts: readonly string[];
  relationIds: readonly string[];
}

/** A benchmark item: texts[0] is the question, then the options; the relations it tests. */
export interface TContaminationItem {
  key: string;
  texts: readonly string[];
  relationIds: readonly string[];
}

export const CONTAMINATION_HIT_KINDS = ["exact_question", "near_duplicate", "ngram_overlap"] as const;
export type TContaminationHitKind = (typeof CONTAMINATION_HIT_KINDS)[number];

export interface TContaminationHit {
  sampleKey: string;
  itemKey: string;
  kind: TContaminationHitKind;
  /** Human-readable: which texts matched and the shared words. */
  detail: string;
  /** near_duplicate: the similarity; ngram_overlap: the longest shared run in tokens. */
  overlap?: number;
}

export interface TNodeReportEntry {
  relationId: string;
  itemKeys: string[];
  sampleKeys: string[];
}

export interface TContaminationReport {
  hits: TContaminationHit[];
  /** Benchmark relations taught with the same wording: shared by a sample and an item that hit. */
  nodeReport: TNodeReportEntry[];
  passed: boolean;
  counts: { samples: number; items: number; byKind: Record<TContaminationHitKind, number> };
  options: TContaminationOptions;
}

const quote = (tokens: readonly string[], max = 24) => (tokens.length > max ? `${tokens.slice(0, max).join(" ")} …` : tokens.join(" "));

/** Benchmark items indexed once; `check` one training sample at a time (e.g. page by page from a database). */
export class ContaminationGuard {
  readonly options: TContaminationOptions;
  private readonly items: { key: string; question: string[] }[] = [];
  private readonly ngrams: NgramIndex;
  private readonly exact = new Map<string, number[]>();
  private readonly questions: WordSetIndex;

  constructor(items: Iterable<TContaminationItem>, options: TContaminationOptionsInput = {}) {
    this.options = ZContaminationOptions.parse(options);
    this.ngrams = new NgramIndex(this.options.ngram);
    const wordSets: Set<string>[] = [];
    for (const item of items) {
      const tokenized = item.texts.map(normalizeTokens);
      const question = tokenized[0] ?? [];
      const index = this.ngrams.add(tokenized);
      this.items.push({ key: item.key, question });
      wordSets.push(new Set(question));
      if (question.length > 0) {
        const joined = question.join(" ");
        const list = this.exact.get(joined);
        if (list) list.push(index);
        else this.exact.set(joined, [index]);
      }
    }
    this.questions = new WordSetIndex(wordSets, this.options.nearDuplicateThreshold, this.options.minNearDuplicateTokens);
  }

  get itemCount(): number {
    return this.items.length;
  }

  /** Every hit of one sample, at most one per (item, kind): the strongest evidence for each. */
  check(sample: TContaminationSample): TContaminationHit[] {
    const found = new Map<string, TContaminationHit>();
    const record = (item: number, kind: TContaminationHitKind, detail: string, overlap?: number) => {
      const id = `${item}:${kind}`;
      const previous = found.get(id);
      if (previous && (previous.overlap ?? 0) >= (overlap ?? 0)) return;
      found.set(id, { sampleKey: sample.key, itemKey: this.items[item]!.key, kind, detail, ...(overlap === undefined ? {} : { overlap }) });
    };
    sample.texts.forEach((text, t) => {
      const tokens = normalizeTokens(text);
      if (tokens.length === 0) return;
      const exactItems = this.exact.get(tokens.join(" ")) ?? [];
      for (const item of exactItems) record(item, "exact_question", `sample text ${t} is the item's question: "${quote(tokens)}"`);

      for (const { index: item, similarity } of this.questions.query(new Set(tokens))) {
        if (exactItems.includes(item)) continue;
        const rounded = Math.round(similarity * 1000) / 1000;
        record(item, "near_duplicate", `sample text ${t} "${quote(tokens)}" ≈ question "${quote(this.items[item]!.question)}" (word Jaccard ${rounded})`, rounded);
      }

      for (const run of this.ngrams.findRuns(tokens)) {
        if (exactItems.includes(run.doc)) continue; // the exact hit already says it all
        const words = tokens.slice(run.queryStart, run.queryStart + run.length);
        const where = run.text === 0 ? "question" : `option ${run.text}`;
        record(run.doc, "ngram_overlap", `${run.length}-token run of the item's ${where} in sample text ${t}: "${quote(words)}"`, run.length);
      }
    });
    return [...found.values()];
  }
}

/**
 * Checks every training sample against every benchmark item: exact question matches, near-duplicate
 * questions (word-set Jaccard ≥ threshold, found by prefix filtering) and shared runs of `ngram` tokens. `passed` is
 * true only with no hit at all; an override is the caller's decision (see resolveTrainingGate).
 */
export function checkContamination(
  samples: Iterable<TContaminationSample>,
  items: Iterable<TContaminationItem>,
  options: TContaminationOptionsInput = {},
): TContaminationReport {
  const itemList = [...items];
  const guard = new ContaminationGuard(itemList, options);
  const relationsOf = new Map(itemList.map((item) => [item.key, item.relationIds]));
  const hits: TContaminationHit[] = [];
  const nodes = new Map<string, { items: Set<string>; samples: Set<string> }>();
  const byKind: Record<TContaminationHitKind, number> = { exact_question: 0, near_duplicate: 0, ngram_overlap: 0 };
  let sampleCount = 0;
  for (const sample of samples) {
    sampleCount++;
    const sampleHits = guard.check(sample);
    if (sampleHits.length === 0) continue;
    const taught = new Set(sample.relationIds);
    for (const hit of sampleHits) {
      hits.push(hit);
      byKind[hit.kind]++;
      for (const relationId of relationsOf.get(hit.itemKey) ?? []) {
        if (!taught.has(relationId)) continue;
        const entry = nodes.get(relationId) ?? { items: new Set<string>(), samples: new Set<string>() };
        entry.items.add(hit.itemKey);
        entry.samples.add(sample.key);
        nodes.set(relationId, entry);
      }
    }
  }
  const nodeReport = [...nodes.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([relationId, entry]) => ({ relationId, itemKeys: [...entry.items].sort(), sampleKeys: [...entry.samples].sort() }));
  return { hits, nodeReport, passed: hits.length === 0, counts: { samples: sampleCount, items: itemList.length, byKind }, options: guard.options };
}
