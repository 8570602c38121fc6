// Runs the whole corpus pipeline over a folder of discipline sub-folders and prints the funnel,
// drop reasons and timings. Used to calibrate DEFAULT_QUALITY_SETTINGS on real textbooks.
//   npx tsx bench/corpus-calibration.ts [../shared/corpus-sample]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { chunkDocument, computeMinHash, exactHash, findNearDuplicates, isParseError, parseDocument, scoreChunk } from "../packages/engine/src/index.ts";

interface TFunnelRow {
  discipline: string;
  documents: number;
  parsed: number;
  failed: number;
  chunks: number;
  kept: number;
  droppedByReason: Record<string, number>;
  duplicates: number;
}

const root = process.argv[2] ?? "../shared/corpus-sample";
const timings = { parse: 0, chunk: 0, score: 0, minhash: 0, dedup: 0 };
const time = <T>(key: keyof typeof timings, fn: () => T): T => {
  const started = performance.now();
  const result = fn();
  timings[key] += performance.now() - started;
  return result;
};

const rows: TFunnelRow[] = [];
for (const discipline of readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory())) {
  const row: TFunnelRow = { discipline, documents: 0, parsed: 0, failed: 0, chunks: 0, kept: 0, droppedByReason: {}, duplicates: 0 };
  const candidates: { id: string; signature: Uint32Array }[] = [];
  const exact = new Set<string>();
  for (const file of readdirSync(join(root, discipline)).sort()) {
    row.documents++;
    const bytes = readFileSync(join(root, discipline, file));
    const started = performance.now();
    const parsed = await parseDocument({ bytes, filename: file }).catch((error: unknown) => {
      if (isParseError(error)) return null;
      throw error;
    });
    timings.parse += performance.now() - started;
    if (!parsed) {
      row.failed++;
      continue;
    }
    row.parsed++;
    for (const chunk of time("chunk", () => chunkDocument(parsed.text))) {
      row.chunks++;
      const quality = time("score", () => scoreChunk(chunk.text));
      if (!quality.keep) {
        const code = quality.reasons[0]!.code;
        row.droppedByReason[code] = (row.droppedByReason[code] ?? 0) + 1;
        continue;
      }
      const hash = exactHash(chunk.text);
      if (exact.has(hash)) {
        row.duplicates++;
        continue;
      }
      exact.add(hash);
      candidates.push({ id: `${file}#${chunk.index}`, signature: time("minhash", () => computeMinHash(chunk.text)) });
    }
  }
  const near = time("dedup", () => findNearDuplicates(candidates));
  row.duplicates += near.length;
  row.kept = candidates.length - near.length;
  rows.push(row);
  for (const d of near.slice(0, 5)) console.log(`near duplicate: ${d.id} ≈ ${d.duplicateOf} (${d.similarity.toFixed(2)})`);
}

for (const r of rows) {
  console.log(`${r.discipline}: documents=${r.documents} parsed=${r.parsed} chunks=${r.chunks} kept=${r.kept} (${((100 * r.kept) / Math.max(1, r.chunks)).toFixed(1)}%) duplicates=${r.duplicates}`);
  console.log("  dropped:", JSON.stringify(r.droppedByReason));
}
console.log("ms", Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])));
