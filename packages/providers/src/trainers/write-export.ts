// The training file every external trainer reads: our OpenAI chat JSONL export with `messages` only
// (the provenance goes to no trainer), written page by page so a large version never sits in memory.
import { mkdir, open } from "node:fs/promises";
import path from "node:path";
import { streamDatasetExport } from "@proda/engine";
import { throwIfCancelled } from "./errors.ts";
import type { TTrainerSample } from "./types.ts";

type TExportSamples = Parameters<typeof streamDatasetExport>[1];

/** Writes the samples to `file` (replacing it); returns how many were written. */
export async function writeChatJsonl(pages: AsyncIterable<TTrainerSample[]>, file: string, signal: AbortSignal): Promise<number> {
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, "w");
  let count = 0;
  try {
    for await (const page of pages) {
      throwIfCancelled(signal);
      // With the sidecar option the first file holds nothing but `messages` on each line.
      const [messagesOnly] = streamDatasetExport("openai", page as unknown as TExportSamples, { openaiSidecar: true });
      await handle.write([...messagesOnly!.chunks()].join(""));
      count += page.length;
    }
  } finally {
    await handle.close();
  }
  return count;
}
