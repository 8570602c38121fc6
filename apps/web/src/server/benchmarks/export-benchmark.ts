// A benchmark as a download for evaluators: plain JSONL streamed as it is, the multi-file formats
// (lm-eval YAML + data, OpenCompass data + meta) as a zip deflated piece by piece. Rejected items are
// left out; every row keeps its key and the ids of the nodes it tests.
import { AppError } from "@proda/core";
import type { Benchmark, BenchmarkItem, PrismaClient } from "@proda/db";
import { streamBenchmarkExport, toBenchmarkExportItem, type TBenchmarkExportFormat, type TExportStream } from "@proda/engine";
import { strToU8, Zip, ZipDeflate } from "fflate";
import { toEngineItem } from "./benchmark-dto.ts";

const PAGE = 2000;

async function loadExportItems(prisma: PrismaClient, benchmarkId: string) {
  const items = [];
  let cursor: string | null = null;
  for (;;) {
    const rows: BenchmarkItem[] = await prisma.benchmarkItem.findMany({
      where: { benchmarkId, review: { not: "rejected" } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    items.push(...rows.map((r) => toBenchmarkExportItem(toEngineItem(r))));
    if (rows.length < PAGE) return items;
    cursor = rows[rows.length - 1]!.id;
  }
}

function* encodeParts(stream: TExportStream): Generator<Uint8Array> {
  for (const chunk of stream.chunks()) yield strToU8(chunk);
}

/** Zip bytes as each file's pieces are deflated (fflate's sync deflate hands output over at once). */
function* zipParts(streams: readonly TExportStream[]): Generator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else out.push(data);
  });
  const drain = function* () {
    if (failure) throw failure;
    while (out.length > 0) yield out.shift()!;
  };
  for (const stream of streams) {
    const file = new ZipDeflate(stream.name, { level: 6 });
    zip.add(file);
    for (const part of encodeParts(stream)) {
      file.push(part);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

function toBody(parts: Generator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel() {
      parts.return(undefined);
    },
  });
}

export async function exportBenchmark(prisma: PrismaClient, benchmark: Benchmark, format: TBenchmarkExportFormat): Promise<Response> {
  if (benchmark.status !== "ready" && benchmark.status !== "frozen") {
    throw new AppError("conflict", `Benchmark ${benchmark.number} is ${benchmark.status}; only a ready or frozen benchmark can be exported.`);
  }
  const items = await loadExportItems(prisma, benchmark.id);
  const base = `benchmark-${benchmark.number}`;
  const streams = streamBenchmarkExport(format, items, { name: base });
  const single = streams.length === 1 ? streams[0]! : null;
  const filename = single ? single.name : `${base}-${format.replace(/_/g, "-")}.zip`;
  const type = single ? "application/x-ndjson" : "application/zip";
  return new Response(toBody(single ? encodeParts(single) : zipParts(streams)), {
    headers: { "content-type": single ? `${type}; charset=utf-8` : type, "content-disposition": `attachment; filename="${filename}"` },
  });
}
