// Expert review of one item: accept, reject, or edit its wording. An edit may change texts only —
// never which options are correct — and must keep the option lengths balanced, or the answer could
// be guessed from length alone. The generated wording is kept in `original`; every review is audited.
import { AppError } from "@proda/core";
import type { Benchmark, BenchmarkItem, Prisma, PrismaClient } from "@proda/db";
import { measureLengthRatio, OPTION_LABELS, ZBenchmarkItem, type TItemOption } from "@proda/engine";
import { z } from "zod";
import { audit } from "@proda/pipeline";
import { readSettings, toEngineItem } from "./benchmark-dto.ts";

export const ZItemReview = z
  .object({
    action: z.enum(["accept", "reject", "edit"]),
    question: z.string().trim().min(1).max(2000).optional(),
    // Strict: a `correct` (or any other) field is refused rather than silently dropped.
    options: z.array(z.strictObject({ label: z.enum(OPTION_LABELS), text: z.string().trim().min(1).max(1000) })).min(1).max(6).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((v) => (v.action === "edit") === (v.question !== undefined || v.options !== undefined), {
    message: "An edit changes the question or option texts; accept and reject take only a note",
  });
export type TItemReview = z.infer<typeof ZItemReview>;

const STATE = { accept: "accepted", reject: "rejected", edit: "edited" } as const;

type TWording = { question: string; options: { label: string; text: string }[] };
const wordingOf = (question: string, options: TItemOption[]): TWording => ({ question, options: options.map((o) => ({ label: o.label, text: o.text })) });

function applyEdit(item: BenchmarkItem, input: TItemReview, maxLengthRatio: number): { question: string; options: TItemOption[] } {
  const current = item.options as unknown as TItemOption[];
  const edits = new Map<string, string>();
  for (const o of input.options ?? []) {
    if (edits.has(o.label)) throw new AppError("validation_failed", `Option ${o.label} is given twice`);
    if (!current.some((c) => c.label === o.label)) throw new AppError("validation_failed", `The item has no option ${o.label}`);
    edits.set(o.label, o.text);
  }
  const question = input.question ?? item.question;
  const options = current.map((o) => ({ ...o, text: edits.get(o.label) ?? o.text }));
  const parsed = ZBenchmarkItem.safeParse({ ...toEngineItem(item), question, options });
  if (!parsed.success) throw new AppError("validation_failed", `The edited item is not valid: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const texts = options.map((o) => o.text);
  if (new Set(texts.map((t) => t.toLowerCase())).size !== texts.length) throw new AppError("validation_failed", "Two options would read the same");
  const ratio = measureLengthRatio(texts);
  if (ratio > maxLengthRatio) {
    throw new AppError(
      "validation_failed",
      `Option lengths are out of balance: the longest would be ${ratio.toFixed(2)}× the shortest (at most ${maxLengthRatio}×), so the answer could be guessed from length alone. Shorten or lengthen some options.`,
      { ratio, maxLengthRatio },
    );
  }
  return { question, options };
}

export async function reviewItem(prisma: PrismaClient, benchmark: Benchmark, item: BenchmarkItem, userId: string, input: TItemReview): Promise<BenchmarkItem> {
  if (benchmark.frozenAt) throw new AppError("conflict", `Benchmark ${benchmark.number} is frozen: its items can no longer be reviewed or edited.`);
  const before = { review: item.review, note: item.reviewNote, ...wordingOf(item.question, item.options as unknown as TItemOption[]) };
  const data: Prisma.BenchmarkItemUpdateInput = { review: STATE[input.action], reviewedById: userId, reviewedAt: new Date() };
  if (input.note !== undefined) data.reviewNote = input.note || null;
  if (input.action === "edit") {
    const edited = applyEdit(item, input, readSettings(benchmark).maxLengthRatio);
    data.question = edited.question;
    data.options = edited.options as unknown as Prisma.InputJsonValue;
    // The generated wording survives any number of edits.
    if (item.original === null) data.original = wordingOf(item.question, item.options as unknown as TItemOption[]);
  }
  const updated = await prisma.benchmarkItem.update({ where: { id: item.id }, data });
  const after = { review: updated.review, note: updated.reviewNote, ...wordingOf(updated.question, updated.options as unknown as TItemOption[]) };
  await audit({
    actorId: userId, projectId: benchmark.projectId, action: `benchmark.review_${input.action}`, targetType: "benchmark_item", targetId: item.id,
    detail: { benchmarkId: benchmark.id, key: item.key, before, after },
  });
  return updated;
}
