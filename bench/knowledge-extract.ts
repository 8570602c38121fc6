// End-to-end extraction benchmark with the builtin provider: a processed corpus → one extraction
// run (batches on real worker processes, then the finalize job that canonicalises and writes the
// graph). Reports chunks/s, the time of each phase, the graph's size and tokens per chunk.
//
//   npx tsx --tsconfig apps/web/tsconfig.json bench/knowledge-extract.ts [--path ../shared/corpus-sample | --chunks 48000 --source ../shared/corpus-sample] [--workers 2]
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateTextbookCorpus } from "./generate-textbook-corpus.ts";
import { provisionBench, ROOT, rssOf, startWorkers, uploadFolder, waitForJob } from "./lib/harness.ts";

const { values: args } = parseArgs({
  options: { path: { type: "string" }, chunks: { type: "string" }, source: { type: "string", default: "../shared/corpus-sample" }, workers: { type: "string", default: "2" } },
});
const services = await provisionBench();
let corpusDir = args.path ? path.resolve(args.path) : "";
if (!corpusDir) {
  corpusDir = path.join(ROOT, ".proda", `bench-textbook-${args.chunks ?? 48000}`);
  if (!existsSync(corpusDir)) console.log(generateTextbookCorpus(path.resolve(args.source!), corpusDir, Number(args.chunks ?? 48000)));
}

const { getPrisma, disconnectPrisma } = await import("@proda/db");
const { closeProducer } = await import("@proda/jobs");
const { createProjectWithRoles } = await import("../prisma/factories/projects.ts");
const processRoute = await import("../apps/web/app/api/v1/projects/[projectId]/corpus/process/route.ts");
const versionsRoute = await import("../apps/web/app/api/v1/projects/[projectId]/knowledge/versions/route.ts");

const prisma = getPrisma();
const { project, members } = await createProjectWithRoles(prisma, ["owner"]);
const auth = { authorization: `Bearer ${members.owner.token}` };
const params = { params: Promise.resolve({ projectId: project.id }) };
const workers = await startWorkers(Number(args.workers));

console.log(`ingesting ${corpusDir} …`);
await uploadFolder(project.id, members.owner.token, corpusDir);
const processed = await (await processRoute.POST(new Request("http://bench/x", { method: "POST", headers: auth }), params)).json();
await waitForJob(processed.job.id);
const chunks = await prisma.chunk.count({ where: { projectId: project.id, keep: true } });

console.log(`extracting from ${chunks} kept chunks with ${workers.length} workers …`);
const t0 = performance.now();
const started = await versionsRoute.POST(new Request("http://bench/x", { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: "{}" }), params);
const { version } = (await started.json()) as { version: { id: string; jobId: string } };
let tExtracted = 0;
await waitForJob(version.jobId, (done, children) => {
  if (!tExtracted && done === children) tExtracted = performance.now();
});
const t1 = performance.now();

const v = await prisma.knowledgeVersion.findUniqueOrThrow({ where: { id: version.id } });
const report = v.report as { total: { concepts: number; relations: number; chains: number; lccRatio: number; orphanConcepts: number } };
const result = {
  date: new Date().toISOString(),
  machine: "2 cores, 24 GB, local PostgreSQL and Redis",
  corpus: args.path ? path.relative(ROOT, corpusDir) : `textbook sentences recombined from ${args.source}, target ${args.chunks ?? 48000} chunks`,
  provider: "builtin",
  workers: workers.length,
  chunks,
  seconds: { total: +((t1 - t0) / 1000).toFixed(1), extract: +((tExtracted - t0) / 1000).toFixed(1), finalize: +((t1 - tExtracted) / 1000).toFixed(1) },
  chunksPerSecond: +(chunks / ((t1 - t0) / 1000)).toFixed(1),
  minutesFor48kChunks: +((48_000 / (chunks / ((t1 - t0) / 1000))) / 60).toFixed(1),
  graph: report.total,
  tokensPerChunk: (v.promptTokens + v.completionTokens) / Math.max(1, chunks),
  peakRssMB: Object.fromEntries(workers.map((w, i) => [`worker ${i + 1}`, Math.round(rssOf(w.child.pid!).hwm / 1024 / 1024)])),
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
writeFileSync(path.join(ROOT, "bench", "results", `knowledge-extract-${args.path ? path.basename(corpusDir) : `${args.chunks ?? 48000}`}.json`), `${JSON.stringify(result, null, 2)}\n`);

await Promise.all(workers.map((w) => w.stop()));
await prisma.project.delete({ where: { id: project.id } });
await closeProducer();
await disconnectPrisma();
await services.stop();
