// Neighbourhood and path latency on the paper-scale graph (300k concepts, 1.2M relations in one
// version, bench/generate-paper-graph.ts): p50/p95 at three levels — the route handler as Next.js
// calls it (token auth, membership, zod, JSON), the loader alone, and the loader's SQL replayed on a
// plain pg connection — with database statements per request and payload sizes.
//
//   npx tsx --tsconfig apps/web/tsconfig.json bench/graph-api.ts [--samples 300] [--warmup 50]
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { disciplineSizes, ensurePaperGraph } from "./generate-paper-graph.ts";
import { provisionBench, ROOT } from "./lib/harness.ts";

const { values: args } = parseArgs({ options: { samples: { type: "string", default: "300" }, warmup: { type: "string", default: "50" } } });
const SAMPLES = Number(args.samples);
const WARMUP = Number(args.warmup);
await provisionBench();
const url = process.env.DATABASE_URL!;
const client = new pg.Client({ connectionString: url });
await client.connect();
const GRAPH = "Paper graph seed 7 · 16 disciplines · 300000 concepts";
const graph = await ensurePaperGraph(client, GRAPH, { seed: 7, sizes: disciplineSizes(), relationsPerConcept: 4, crossShare: 0.01 }, (done, total) =>
  process.stdout.write(`\r  writing the graph ${done}/${total}`),
);

// An instrumented client in the place getPrisma() fills: every statement a request sends is counted.
const { PrismaClient } = await import("../packages/db/src/generated/prisma/client.ts");
const { PrismaPg } = await import("@prisma/adapter-pg");
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }), log: [{ emit: "event", level: "query" }] });
let statements: { query: string; params: string }[] = [];
prisma.$on("query", (e) => statements.push({ query: e.query, params: e.params }));
(globalThis as { prodaPrisma?: unknown }).prodaPrisma = prisma;

const { createUserWithToken } = await import("../prisma/factories/projects.ts");
const { addMember } = await import("../prisma/factories/users.ts");
const hoodRoute = await import("../apps/web/app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/concepts/[conceptId]/neighbourhood/route.ts");
const pathRoute = await import("../apps/web/app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/path/route.ts");
const { findNeighbourhood } = await import("../apps/web/src/server/knowledge/neighbourhood.ts");
const { token, user } = await createUserWithToken(prisma as never, "bench-graph-api");
await addMember(prisma as never, graph.projectId, user.id, "owner");

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};
const summary = (ms: number[]) => ({ p50: +percentile(ms, 0.5).toFixed(2), p95: +percentile(ms, 0.95).toFixed(2), max: +Math.max(...ms).toFixed(2) });

// A fixed sample: hashed order (the same concepts every run) plus the 20 biggest hubs.
const { rows: sample } = await client.query<{ id: string }>(
  `(SELECT id FROM "Concept" WHERE "versionId" = $1 ORDER BY md5(id) LIMIT $2) UNION ALL (SELECT id FROM "Concept" WHERE "versionId" = $1 ORDER BY degree DESC LIMIT 20)`,
  [graph.versionId, SAMPLES],
);
const ids = sample.map((r: { id: string }) => r.id);
const params = { projectId: graph.projectId, versionId: graph.versionId };
const auth = { authorization: `Bearer ${token}` };

async function measureHood(hops: 1 | 2) {
  const cap = hops === 1 ? 250 : 125; // the explorer's caps (neighbourhood-explorer.tsx capFor)
  const call = async (id: string) => {
    const res = await hoodRoute.GET(new Request(`http://bench/x?hops=${hops}&cap=${cap}`, { headers: auth }), { params: Promise.resolve({ ...params, conceptId: id }) });
    return res.text();
  };
  for (const id of ids.slice(0, WARMUP)) await call(id);
  const route: number[] = [];
  const bytes: number[] = [];
  const counts: number[] = [];
  const nodes: number[] = [];
  for (const id of ids) {
    statements = [];
    const t = performance.now();
    const body = await call(id);
    route.push(performance.now() - t);
    counts.push(statements.length);
    bytes.push(Buffer.byteLength(body));
    nodes.push((JSON.parse(body) as { nodes: unknown[] }).nodes.length);
  }
  const loader: number[] = [];
  let captured: { query: string; params: string } | undefined;
  for (const id of ids) {
    statements = [];
    const t = performance.now();
    await findNeighbourhood(prisma as never, graph.projectId, graph.versionId, id, hops, cap);
    loader.push(performance.now() - t);
    captured ??= statements[0];
  }
  // The loader's statement replayed through pg (named, so prepared once like Prisma's).
  const raw: number[] = [];
  for (const id of ids) {
    const values = (JSON.parse(captured!.params) as unknown[]).map((v) => (v === ids[0] ? id : v));
    const t = performance.now();
    await client.query({ name: `hood${hops}`, text: captured!.query, values });
    raw.push(performance.now() - t);
  }
  return {
    hops, cap, requests: ids.length,
    routeMs: summary(route), loaderMs: summary(loader), rawSqlMs: summary(raw),
    statementsPerRequest: { route: { p50: percentile(counts, 0.5), max: Math.max(...counts) }, loader: 1 },
    payloadBytes: { p50: percentile(bytes, 0.5), p95: percentile(bytes, 0.95), max: Math.max(...bytes) },
    nodes: { p50: percentile(nodes, 0.5), max: Math.max(...nodes) },
  };
}

/** Pairs inside the largest discipline (across disciplines most pairs are further than the cap). */
async function measurePath(maxHops: number) {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM "Concept" WHERE "versionId" = $1 AND discipline = (SELECT discipline FROM "Concept" WHERE "versionId" = $1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)
     ORDER BY md5(id) LIMIT 200`,
    [graph.versionId],
  );
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < rows.length; i += 2) pairs.push([rows[i]!.id, rows[i + 1]!.id]);
  const ms: number[] = [];
  const counts: number[] = [];
  const hops: (number | null)[] = [];
  for (const [from, to] of pairs) {
    statements = [];
    const t = performance.now();
    const res = await pathRoute.GET(new Request(`http://bench/x?${new URLSearchParams({ from, to, maxHops: String(maxHops) })}`, { headers: auth }), { params: Promise.resolve(params) });
    const body = (await res.json()) as { hops: number | null };
    ms.push(performance.now() - t);
    counts.push(statements.length);
    hops.push(body.hops);
  }
  const found = hops.filter((h) => h !== null) as number[];
  return {
    pairs: pairs.length, maxHops, routeMs: summary(ms), statementsPerRequest: { p50: percentile(counts, 0.5), max: Math.max(...counts) },
    found: found.length, hopsHistogram: Object.fromEntries(Array.from({ length: maxHops }, (_, h) => [h + 1, found.filter((x) => x === h + 1).length])),
  };
}

const [relations] = (await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Relation" WHERE "versionId" = $1`, [graph.versionId])).rows;
const result = {
  when: new Date().toISOString(),
  // Other work shares these 2 cores: the 1-minute load average when the run ended.
  loadAverage: 0,
  graph: { concepts: 300_000, relations: Number(relations!.n), disciplines: 16 },
  oneHop: await measureHood(1),
  twoHop: await measureHood(2),
  path4: await measurePath(4),
  path6: await measurePath(6),
};
result.loadAverage = +os.loadavg()[0]!.toFixed(2);
console.log(`\n${JSON.stringify(result, null, 2)}`);
writeFileSync(path.join(ROOT, "bench/results/graph-api.json"), `${JSON.stringify(result, null, 2)}\n`);
await client.end();
await prisma.$disconnect();
