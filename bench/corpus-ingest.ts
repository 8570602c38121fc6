// End-to-end corpus ingestion benchmark: upload (through the upload route handler: multipart
// parsing, hashing, content-addressed storage, Document rows) → queued parse batches on real worker
// processes (parse, chunk, quality filter, MinHash, Chunk rows) → project-wide deduplication.
// Reports MB/s and the memory of every process over time (it should stay flat as the corpus grows).
//
//   npx tsx --tsconfig apps/web/tsconfig.json bench/corpus-ingest.ts [--mb 500] [--path ../shared/corpus-sample] [--workers 2]
// Figures go to bench/results/corpus-ingest-<label>.json; copy the summary into BENCHMARKS.md.
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "./generate-corpus.ts";
import { listFiles, MB, provisionBench, ROOT, rssOf, startWorkers, uploadFolder, waitForJob } from "./lib/harness.ts";

const { values: args } = parseArgs({
  options: { mb: { type: "string", default: "500" }, path: { type: "string" }, workers: { type: "string", default: "2" } },
});
const services = await provisionBench();

const corpusDir = args.path ? path.resolve(args.path) : path.join(ROOT, ".proda", `bench-corpus-${args.mb}mb`);
if (!args.path && !existsSync(corpusDir)) {
  console.log(`generating ${args.mb} MB of synthetic text into ${corpusDir} …`);
  console.log(generateCorpus(corpusDir, Number(args.mb)));
}
const files = listFiles(corpusDir).sort();
const totalBytes = files.reduce((n, f) => n + statSync(f).size, 0);

const { getPrisma, disconnectPrisma } = await import("@proda/db");
const { closeProducer } = await import("@proda/jobs");
const { createProjectWithRoles } = await import("../prisma/factories/projects.ts");
const processRoute = await import("../apps/web/app/api/v1/projects/[projectId]/corpus/process/route.ts");

const prisma = getPrisma();
const { project, members } = await createProjectWithRoles(prisma, ["owner"]);
const token = members.owner.token;
const params = { params: Promise.resolve({ projectId: project.id }) };
const workers = await startWorkers(Number(args.workers));

const samples: { t: number; progress: number; rss: Record<string, number> }[] = [];
const sample = (progress: number) =>
  samples.push({
    t: performance.now(),
    progress,
    rss: Object.fromEntries([["bench(web side)", rssOf("self").rss], ...workers.map((w, i) => [`worker ${i + 1}`, rssOf(w.child.pid!).rss])]),
  });

console.log(`ingesting ${files.length} files, ${(totalBytes / MB).toFixed(1)} MB, with ${workers.length} workers`);
const t0 = performance.now();
let batches = 0;
await uploadFolder(project.id, token, corpusDir, () => {
  if (batches++ % 20 === 0) sample(0);
});
const tUploaded = performance.now();
const started = await processRoute.POST(new Request("http://bench/api", { method: "POST", headers: { authorization: `Bearer ${token}` } }), params);
const { job } = (await started.json()) as { job: { id: string } };
let tParsed = 0;
await waitForJob(job.id, (done, children) => {
  sample(done / children);
  if (!tParsed && done === children) tParsed = performance.now();
});
const t1 = performance.now();

const [chunks, kept, parsed] = await Promise.all([
  prisma.chunk.count({ where: { projectId: project.id } }),
  prisma.chunk.count({ where: { projectId: project.id, keep: true } }),
  prisma.document.count({ where: { projectId: project.id, status: "parsed" } }),
]);
const peak = Object.fromEntries([["bench(web side)", rssOf("self").hwm], ...workers.map((w, i) => [`worker ${i + 1}`, rssOf(w.child.pid!).hwm])]);
const seconds = (t1 - t0) / 1000;
const quartiles = [0.25, 0.5, 0.75, 1].map((q) => {
  const s = samples.find((x) => x.progress >= q) ?? samples.at(-1)!;
  return { progress: q, rssMB: Object.fromEntries(Object.entries(s.rss).map(([k, v]) => [k, Math.round(v / MB)])) };
});
const result = {
  date: new Date().toISOString(),
  machine: "2 cores, 24 GB, local PostgreSQL and Redis",
  corpus: args.path ? path.relative(ROOT, corpusDir) : `synthetic ${args.mb} MB`,
  files: files.length,
  megabytes: +(totalBytes / MB).toFixed(1),
  workers: workers.length,
  seconds: { total: +seconds.toFixed(1), upload: +((tUploaded - t0) / 1000).toFixed(1), parse: +((tParsed - tUploaded) / 1000).toFixed(1), dedup: +((t1 - tParsed) / 1000).toFixed(1) },
  mbPerSecond: +(totalBytes / MB / seconds).toFixed(2),
  documentsParsed: parsed,
  chunks,
  kept,
  peakRssMB: Object.fromEntries(Object.entries(peak).map(([k, v]) => [k, Math.round(v / MB)])),
  rssByProgress: quartiles,
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
const label = args.path ? path.basename(corpusDir) : `${args.mb}mb`;
writeFileSync(path.join(ROOT, "bench", "results", `corpus-ingest-${label}.json`), `${JSON.stringify(result, null, 2)}\n`);

await Promise.all(workers.map((w) => w.stop()));
await prisma.project.delete({ where: { id: project.id } });
await closeProducer();
await disconnectPrisma();
await services.stop();
