// The failure trace as the panel shows it: how well the training data taught each node, the
// evidence's node ids as readable terms, and a sample's prompt and answer in a line each. Pure;
// covered by test/debugger-ui-lib.test.ts.
import type { TFailureTraceDto, TSampleDto } from "@/lib/api-types";

export type TTeaching = "untaught" | "weak" | "taught";

/** Never taught, taught fewer than `minSamples` times (the run's threshold), or taught enough. */
export function teachingLevel(taughtBy: number, minSamples: number): TTeaching {
  if (taughtBy <= 0) return "untaught";
  return taughtBy < minSamples ? "weak" : "taught";
}

/** Relation ids as "subject —predicate→ object" and concept ids as their term; unknown ids as written. */
export function nodeNames(trace: Pick<TFailureTraceDto, "relations" | "concepts">): (id: string) => string {
  const names = new Map<string, string>();
  for (const r of trace.relations) names.set(r.id, `${r.subject.term} —${r.predicate || r.type}→ ${r.object.term}`);
  for (const c of trace.concepts) names.set(c.id, c.term);
  return (id) => names.get(id) ?? id;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The first user turn and the first assistant turn, clipped (the full sample opens in the Builder). */
export function sampleGist(sample: Pick<TSampleDto, "messages">, max = 280): { prompt: string; answer: string } {
  const prompt = sample.messages.find((m) => m.role === "user")?.content ?? "";
  const answer = sample.messages.find((m) => m.role === "assistant")?.content ?? "";
  return { prompt: clip(prompt.trim(), max), answer: clip(answer.trim(), max) };
}

/** The patch recipe a patch sample came from (meta.patch.recipe: refine | chain_of_thought). */
export function patchRecipeOf(sample: Pick<TSampleDto, "meta">): string | null {
  const patch = sample.meta?.patch;
  if (!patch || typeof patch !== "object") return null;
  const recipe = (patch as { recipe?: unknown }).recipe;
  return typeof recipe === "string" ? recipe : null;
}
