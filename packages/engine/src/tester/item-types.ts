// Shapes of the Tester: the chains it reads, its settings, and the benchmark items it writes. An
// item carries its full provenance (chain, relations, concepts, chunks) and, for every distractor,
// the operator and source relation that made it (DESIGN invariants 1 and 2).
import { z } from "zod";
import { ZRelationType } from "../knowledge/types.ts";
import { PERTURB_OPERATORS } from "./perturb.ts";

export const ZPerturbOperator = z.enum(PERTURB_OPERATORS);

/** A chain as stored for a knowledge version (Chain.steps / preconditions / negativeConstraints are JSON columns). */
export const ZTesterChain = z.object({
  id: z.string().min(1),
  chunkId: z.string().min(1),
  documentId: z.string().min(1),
  discipline: z.string(),
  title: z.string().min(1),
  steps: z.array(z.object({ order: z.number().int(), relationId: z.string().min(1), text: z.string().min(1) })),
  preconditions: z.array(z.object({ text: z.string().min(1), start: z.number().int(), end: z.number().int() })).default([]),
  negativeConstraints: z
    .array(z.object({ text: z.string().min(1), start: z.number().int(), end: z.number().int(), relationId: z.string().min(1).nullable() }))
    .default([]),
});
export type TTesterChain = z.infer<typeof ZTesterChain>;
export type TTesterChainInput = z.input<typeof ZTesterChain>;

export const ZStatement = z.object({
  subjectId: z.string(),
  type: ZRelationType,
  objectId: z.string(),
  negated: z.boolean(),
});

export const ZDistractor = z.object({
  operator: ZPerturbOperator,
  sourceRelationId: z.string().min(1),
  changed: z.string().min(1),
  /** Only distractors that passed the check are ever emitted. */
  checkedFalse: z.literal(true),
  /** The false statement it asserts; null for a broken step order or a dropped precondition (see README). */
  statement: ZStatement.nullable(),
});
export type TDistractor = z.infer<typeof ZDistractor>;

export const OPTION_LABELS = ["A", "B", "C", "D", "E", "F"] as const;

export const ZItemOption = z.object({
  label: z.enum(OPTION_LABELS),
  text: z.string().min(1),
  correct: z.boolean(),
  distractor: ZDistractor.nullable(),
});
export type TItemOption = z.infer<typeof ZItemOption>;

/** An option before positions and labels are assigned. */
export interface TCandidateOption {
  text: string;
  correct: boolean;
  distractor: TDistractor | null;
}

export const ITEM_KINDS = ["statement", "order", "condition"] as const;
export type TItemKind = (typeof ITEM_KINDS)[number];

export const ZBenchmarkItem = z
  .object({
    /** Stable hash of (chainId, mode, operators): a resumed run skips keys it already has. */
    key: z.string().min(1),
    kind: z.enum(ITEM_KINDS),
    mode: z.enum(["single", "multi"]),
    question: z.string().min(1),
    options: z.array(ZItemOption).min(3).max(6),
    /** Canonical: sorted labels joined by commas, e.g. "B" or "A,C". */
    answer: z.string().regex(/^[A-F](,[A-F])*$/),
    chainId: z.string().min(1),
    relationIds: z.array(z.string()),
    conceptIds: z.array(z.string()),
    chunkIds: z.array(z.string()),
    discipline: z.string(),
    difficulty: z.object({
      chainLength: z.number().int().min(1),
      operators: z.array(ZPerturbOperator),
      level: z.number().int().min(1).max(5),
    }),
  })
  .superRefine((item, ctx) => {
    const correct = item.options.filter((o) => o.correct);
    const expected = correct.map((o) => o.label).join(",");
    if (item.answer !== expected) ctx.addIssue({ code: "custom", message: `answer ${item.answer} does not match the correct options ${expected}` });
    const max = item.mode === "single" ? 1 : 4;
    if (correct.length < 1 || correct.length > max) ctx.addIssue({ code: "custom", message: `${item.mode} item with ${correct.length} correct options` });
    item.options.forEach((o, i) => {
      if (o.label !== OPTION_LABELS[i]) ctx.addIssue({ code: "custom", message: `option ${i} is labelled ${o.label}` });
      if (o.correct === (o.distractor !== null)) ctx.addIssue({ code: "custom", message: `option ${o.label}: a distractor record iff incorrect` });
    });
  });
export type TBenchmarkItem = z.infer<typeof ZBenchmarkItem>;

export const ZTesterSettings = z.object({
  optionCount: z.number().int().min(3).max(6).default(4),
  mode: z.enum(["single", "multi", "mixed"]).default("mixed"),
  /** Share of multi (select-all-that-apply) items when mode is "mixed". */
  multiShare: z.number().min(0).max(1).default(0.3),
  /** Target items per chain (the original's questions_per_chain, 1–10, default 5). */
  itemsPerChain: z.number().int().min(1).max(20).default(5),
  maxRefillRounds: z.number().int().min(0).max(10).default(4),
  /** Longest / shortest option length (characters). */
  maxLengthRatio: z.number().min(1).max(3).default(1.3),
  seed: z.number().int().default(0),
  /** Estimated Jaccard (MinHash of word 3-grams) at which an item duplicates an earlier one. */
  nearDuplicateThreshold: z.number().min(0.3).max(1).default(0.85),
});
export type TTesterSettings = z.infer<typeof ZTesterSettings>;
export type TTesterSettingsInput = z.input<typeof ZTesterSettings>;

/** What a benchmark stores: the Tester settings, the disciplines tested (all when empty) and the provider that words items. */
export const ZBenchmarkSettings = ZTesterSettings.extend({
  disciplines: z.array(z.string()).default([]),
  providerId: z.string().optional(),
});
export type TBenchmarkSettings = z.infer<typeof ZBenchmarkSettings>;
