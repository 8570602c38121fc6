// A dataset version as a download in a trainer's format, streamed page by page from the database:
// ShareGPT, Alpaca and OpenAI JSONL as one file, LLaMA-Factory (data file + dataset_info.json) as a
// zip. The rows themselves are the engine's (streamDatasetExport), so every row keeps its node ids.
import type { DatasetVersion, PrismaClient } from "@proda/db";
import { streamDatasetExport, type TDatasetExportFormat, type TSample, type TExportStream } from "@proda/engine";
import { Zip, ZipDeflate } from "fflate";

const PAGE = 2000;
const FLUSH_BYTES = 64 * 1024;
type TExportSample = Pick<TSample, "key" | "type" | "messages" | "meta">;

/**
 * The engine renders from a synchronous iterable, the database answers asynchronously. The engine
 * reads at most one sample per piece it yields, so refilling this buffer before asking for each
 * piece feeds it the whole version without holding more than one page.
 */
class SampleFeed implements Iterable<TExportSample> {
  private page: TExportSample[] = [];
  private next = 0;
  private after = -1;
  private exhausted = false;
  private started = false;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly datasetVersionId: string,
    private readonly pageSize: number,
  ) {}

  async fill(): Promise<void> {
    if (this.next < this.page.length || this.exhausted) return;
    const rows = await this.prisma.trainingSample.findMany({
      where: { datasetVersionId: this.datasetVersionId, position: { gt: this.after } },
      select: { position: true, key: true, type: true, messages: true, meta: true },
      orderBy: { position: "asc" },
      take: this.pageSize,
    });
    this.page = rows as unknown as TExportSample[];
    this.next = 0;
    this.exhausted = rows.length < this.pageSize;
    if (rows.length > 0) this.after = rows[rows.length - 1]!.position;
  }

  [Symbol.iterator](): Iterator<TExportSample> {
    if (this.started) throw new Error("A sample feed is read once");
    this.started = true;
    return {
      next: () => {
        if (this.next < this.page.length) return { value: this.page[this.next++]!, done: false };
        if (this.exhausted) return { value: undefined, done: true };
        throw new Error("The export read past the page it was given");
      },
    };
  }
}

/** One file's text, in pieces of about FLUSH_BYTES. */
async function* render(stream: TExportStream, feed: SampleFeed): AsyncGenerator<string> {
  const pieces = stream.chunks()[Symbol.iterator]();
  let buffer = "";
  for (;;) {
    await feed.fill();
    const piece = pieces.next();
    if (piece.done) break;
    buffer += piece.value;
    if (buffer.length >= FLUSH_BYTES) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

async function* zipFiles(streams: TExportStream[], feed: SampleFeed): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else out.push(data);
  });
  const encoder = new TextEncoder();
  for (const stream of streams) {
    const file = new ZipDeflate(stream.name, { level: 6 });
    zip.add(file);
    for await (const text of render(stream, feed)) {
      file.push(encoder.encode(text));
      yield* out.splice(0);
    }
    file.push(new Uint8Array(0), true);
  }
  zip.end();
  if (failure) throw failure;
  yield* out.splice(0);
}

async function* encode(texts: AsyncGenerator<string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const text of texts) yield encoder.encode(text);
}

export const EXPORT_CONTENT_TYPES: Record<TDatasetExportFormat, string> = {
  sharegpt: "application/json",
  alpaca: "application/json",
  openai: "application/jsonl",
  llama_factory: "application/zip",
};

/** `pageSize`: samples read per query (tests pass a small one to cross page boundaries). */
export function exportDatasetVersion(
  prisma: PrismaClient,
  version: DatasetVersion,
  format: TDatasetExportFormat,
  pageSize = PAGE,
): { filename: string; body: AsyncGenerator<Uint8Array> } {
  const feed = new SampleFeed(prisma, version.id, pageSize);
  const streams = streamDatasetExport(format, feed, { name: `dataset-v${version.number}` });
  if (streams.length === 1) return { filename: streams[0]!.name, body: encode(render(streams[0]!, feed)) };
  return { filename: `dataset-v${version.number}.${format}.zip`, body: zipFiles(streams, feed) };
}

export function toReadableStream(parts: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
}
