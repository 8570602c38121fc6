// The closed loop through the product, end to end: a corpus uploaded and processed through the API,
// then ONE "Run loop" request (POST /loops) that extracts, generates and freezes a benchmark, builds
// V1 (a share of the relation count, so part of the graph is never taught), trains and evaluates
// the builtin student, diagnoses, patches V2 + a random control of the same size, trains and
// evaluates both — on real PostgreSQL, Redis and worker processes. Prints the stage timeline and the
// V1 / V2 / control figures (one loop per seed; the first extracts, the others reuse its knowledge version), and writes them to bench/results/loop-demo-<name>.json.
//
//   npx tsx --tsconfig apps/web/tsconfig.json bench/loop-demo.ts [--path ../shared/corpus-sample] [--v1-share 0.5] [--patch 300] [--seeds 1,2,3] [--workers 2]
import { openAsBlob, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { listFiles, provisionBench, ROOT, startWorkers, waitForJob } from "./lib/harness.ts";

const { values: args } = parseArgs({
  options: {
    path: { type: "string", default: "prisma/demo-corpus" },
    "v1-share": { type: "string", default: "0.5" },
    patch: { type: "string", default: "300" },
    seeds: { type: "string", default: "1" },
    workers: { type: "string", default: "2" },
    name: { type: "string" },
  },
});
const corpusDir = path.resolve(ROOT, args.path!);
const name = args.name ?? path.basename(corpusDir);
const services = await provisionBench();

const { getPrisma, disconnectPrisma } = await import("@proda/db");
const { closeProducer } = await import("@proda/jobs");
const { createProjectWithRoles } = await import("../prisma/factories/projects.ts");
const documentsRoute = await import("../apps/web/app/api/v1/projects/[projectId]/corpus/documents/route.ts");
const processRoute = await import("../apps/web/app/api/v1/projects/[projectId]/corpus/process/route.ts");
const loopsRoute = await import("../apps/web/app/api/v1/projects/[projectId]/loops/route.ts");
const loopRoute = await import("../apps/web/app/api/v1/projects/[projectId]/loops/[loopId]/route.ts");
type TLoop = import("../apps/web/src/lib/api-types.ts").TLoopDto;

const prisma = getPrisma();
const { project, members } = await createProjectWithRoles(prisma, ["owner"]);
const auth = { authorization: `Bearer ${members.owner.token}` };
const params = { params: Promise.resolve({ projectId: project.id }) };
const workers = await startWorkers(Number(args.workers));

// Discipline folders only (a README at the top is not part of the corpus), 8 files per request.
const files = listFiles(corpusDir).filter((f) => path.relative(corpusDir, f).includes(path.sep) && f.endsWith(".md")).sort();
console.log(`uploading ${files.length} files from ${path.relative(ROOT, corpusDir)} …`);
for (let i = 0; i < files.length; i += 8) {
  const form = new FormData();
  for (const file of files.slice(i, i + 8)) form.append("files", await openAsBlob(file), path.relative(corpusDir, file));
  const res = await documentsRoute.POST(new Request("http://bench/x", { method: "POST", body: form, headers: auth }), params);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
}
const processed = await (await processRoute.POST(new Request("http://bench/x", { method: "POST", headers: auth }), params)).json();
await waitForJob(processed.job.id);
const chunks = await prisma.chunk.count({ where: { projectId: project.id, keep: true } });

type TSummary = { accuracy: { v1: number; v2: number; control: number }; items: number; v2: { fixed: number; regressed: number }; control: { fixed: number; regressed: number } };
const seconds1 = (e: TLoop["timeline"][number]) => +((Date.parse(e.finishedAt!) - Date.parse(e.startedAt!)) / 1000).toFixed(1);
const sizeOf = async (id: string | undefined) => (await prisma.datasetVersion.findUniqueOrThrow({ where: { id: id! } })).sampleCount;

/** One loop request (the first extracts; later ones reuse its knowledge version), polled to its end. */
async function runLoop(seed: number, first: boolean) {
  const settings = { reuseKnowledge: !first, v1: { share: Number(args["v1-share"]), seed }, patch: { budget: Number(args.patch), seed } };
  console.log(`loop with seed ${seed} over ${chunks} kept chunks, ${workers.length} workers`, settings);
  const t0 = performance.now();
  const started = await loopsRoute.POST(
    new Request("http://bench/x", { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ settings }) }),
    params,
  );
  if (started.status !== 202) throw new Error(`loop refused: ${started.status} ${await started.text()}`);
  const loopId = ((await started.json()) as { loop: TLoop }).loop.id;
  let loop: TLoop;
  let stage = "";
  for (;;) {
    const res = await loopRoute.GET(new Request("http://bench/x", { headers: auth }), { params: Promise.resolve({ projectId: project.id, loopId }) });
    loop = ((await res.json()) as { loop: TLoop }).loop;
    if (loop.stage !== stage) console.log(`  ${((performance.now() - t0) / 1000).toFixed(1)} s  ${(stage = loop.stage)}`);
    if (loop.status !== "queued" && loop.status !== "running") break;
    await sleep(500);
  }
  if (loop.status !== "succeeded") throw new Error(`loop ${loop.status} at ${loop.stage}: ${loop.error}`);
  const summary = (loop.timeline.at(-1) as unknown as { summary: TSummary }).summary;
  console.log(`  ${loop.timeline.at(-1)!.message}`);
  return {
    seed,
    samples: { v1: await sizeOf(loop.artifacts.v1Id), v2: await sizeOf(loop.artifacts.v2Id), control: await sizeOf(loop.artifacts.controlId) },
    accuracy: { v1: +summary.accuracy.v1.toFixed(4), v2: +summary.accuracy.v2.toFixed(4), control: +summary.accuracy.control.toFixed(4) },
    v2VersusV1: summary.v2,
    controlVersusV1: summary.control,
    seconds: { total: +((performance.now() - t0) / 1000).toFixed(1), byStage: Object.fromEntries(loop.timeline.map((e) => [e.stage, seconds1(e)])) },
    timeline: loop.timeline.map((e) => `${e.stage}: ${e.message}`),
    artifacts: loop.artifacts,
  };
}

const seeds = args.seeds!.split(",").map(Number);
const runs: Awaited<ReturnType<typeof runLoop>>[] = [];
for (const [i, seed] of seeds.entries()) runs.push(await runLoop(seed, i === 0));

const { knowledgeVersionId: versionId, benchmarkId } = runs[0]!.artifacts;
const [concepts, relations, chains, items] = await Promise.all([
  prisma.concept.count({ where: { versionId } }),
  prisma.relation.count({ where: { versionId } }),
  prisma.chain.count({ where: { versionId } }),
  prisma.benchmarkItem.findMany({ where: { benchmarkId }, select: { mode: true, options: true } }),
]);
const chance = items.reduce((s, i) => s + (i.mode === "single" ? 1 / (i.options as unknown[]).length : 0), 0) / items.length;
const mean = (f: (r: (typeof runs)[number]) => number) => +(runs.reduce((s, r) => s + f(r), 0) / runs.length).toFixed(4);
const result = {
  date: new Date().toISOString(),
  machine: "2 cores, 24 GB, local PostgreSQL and Redis (shared with other work)",
  corpus: path.relative(ROOT, corpusDir),
  provider: "builtin",
  trainer: "builtin-student",
  workers: workers.length,
  chunks,
  graph: { concepts, relations, chains },
  items: items.length,
  chance: +chance.toFixed(3),
  settings: { v1Share: Number(args["v1-share"]), patchBudget: Number(args.patch), replayRatio: 0.65, seeds },
  mean: { v1: mean((r) => r.accuracy.v1), v2: mean((r) => r.accuracy.v2), control: mean((r) => r.accuracy.control) },
  v2BeatsV1: runs.filter((r) => r.accuracy.v2 > r.accuracy.v1).length,
  v2BeatsControl: runs.filter((r) => r.accuracy.v2 > r.accuracy.control).length,
  runs: runs.map(({ artifacts: _artifacts, ...r }) => r),
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
writeFileSync(path.join(ROOT, "bench", "results", `loop-demo-${name}.json`), `${JSON.stringify(result, null, 2)}\n`);

await Promise.all(workers.map((w) => w.stop()));
await prisma.project.delete({ where: { id: project.id } });
await closeProducer();
await disconnectPrisma();
await services.stop();
