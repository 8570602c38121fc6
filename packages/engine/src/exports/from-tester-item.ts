// The Tester's benchmark item as an export row: option texts, the correct indexes, and all of its
// provenance (chain, relations, concepts, chunks, and how each distractor was made) in `meta`.
import type { TBenchmarkItem } from "../tester/item-types.ts";
import type { TBenchmarkExportItemInput } from "./types.ts";

export function toBenchmarkExportItem(item: TBenchmarkItem): TBenchmarkExportItemInput {
  return {
    key: item.key,
    question: item.question,
    options: item.options.map((o) => o.text),
    answer: item.options.flatMap((o, i) => (o.correct ? [i] : [])),
    multiple: item.mode === "multi",
    meta: {
      chainId: item.chainId,
      relationIds: item.relationIds,
      conceptIds: item.conceptIds,
      chunkIds: item.chunkIds,
      discipline: item.discipline,
      kind: item.kind,
      difficulty: item.difficulty,
      distractors: item.options.map((o) => o.distractor),
    },
  };
}
