// A synthetic knowledge graph at the paper's scale: 16 disciplines of 7k–45k concepts (300k in all),
// 1.2M relations with heavy-tailed degrees (preferential attachment inside topics of ~400 concepts,
// most other links to related topics, so there is structure for Louvain and the layout to find), written straight into a knowledge version with bulk inserts.
// Deterministic for a seed. Imported by e2e/fixtures/seed-graph.ts, so: plain pg, no import.meta.
//
//   npx tsx bench/generate-paper-graph.ts [--seed 7] [--one 45000] [--database-url …]
//   (creates a bench project, a ready version and its graph in proda_bench; prints the ids)
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { createRandom } from "@proda/engine";

export const CONCEPT_TYPES = ["process", "entity", "quantity", "property", "organism", "concept"] as const;
const RELATION_TYPES = ["is_a", "part_of", "causes", "prevents", "enables", "requires", "increases", "decreases", "precedes", "produces", "contrasts_with", "defined_as", "measured_by", "example_of"] as const;
const DISCIPLINES = [
  "biology", "chemistry", "physics", "medicine", "economics", "law", "computer_science", "mathematics",
  "psychology", "geology", "astronomy", "engineering", "history", "linguistics", "philosophy", "agriculture",
];
const STEMS = ["thermo", "chromo", "neuro", "hydro", "electro", "proto", "micro", "macro", "geo", "bio", "photo", "cyto", "meta", "para", "iso", "poly"];
const ROOTS = ["lattice", "kinase", "gradient", "flux", "equilibrium", "vector", "cascade", "membrane", "tariff", "statute", "lemma", "orbit", "sediment", "morpheme", "enzyme", "reactor"];

export interface TGraphOptions {
  seed: number;
  /** Concepts per discipline; `disciplineSizes()` gives the paper's spread. */
  sizes: number[];
  /** Relations per concept on average (1.2M / 300k = 4). */
  relationsPerConcept: number;
  /** Share of relations whose object lies in another discipline. */
  crossShare: number;
}

export interface TGeneratedGraph {
  disciplines: { name: string; offset: number; size: number }[];
  conceptCount: number;
  /** Relation i goes from subject[i] to object[i] (global concept indexes). */
  subject: Uint32Array;
  object: Uint32Array;
  relationType: Uint8Array;
  conceptType: Uint8Array;
  degree: Uint32Array;
}

/**
 * `count` sizes from `max` down to `min` summing to `total`: min + (max − min)·t^p, with p found by
 * bisection, so the spread is convex like the paper's (a few big disciplines, many small ones).
 */
export function disciplineSizes(total = 300_000, count = 16, min = 7_000, max = 45_000): number[] {
  const shape = (p: number) => Array.from({ length: count }, (_, i) => min + (max - min) * ((count - 1 - i) / (count - 1)) ** p);
  const sum = (p: number) => shape(p).reduce((a, b) => a + b, 0);
  let lo = 0.01;
  let hi = 20;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (sum(mid) > total) lo = mid;
    else hi = mid;
  }
  const sizes = shape((lo + hi) / 2).map(Math.round);
  sizes[1]! += total - sizes.reduce((a, b) => a + b, 0); // rounding remainder, away from the fixed ends
  return sizes;
}

export function generatePaperGraph(options: TGraphOptions): TGeneratedGraph {
  const rng = createRandom(options.seed);
  const pick = (n: number) => Math.floor(rng() * n);
  let offset = 0;
  const disciplines = options.sizes.map((size, i) => {
    const d = { name: DISCIPLINES[i % DISCIPLINES.length]! + (i >= DISCIPLINES.length ? `_${i}` : ""), offset, size };
    offset += size;
    return d;
  });
  const n = offset;
  const m = Math.round(n * options.relationsPerConcept);
  const subject = new Uint32Array(m);
  const object = new Uint32Array(m);
  const relationType = new Uint8Array(m);
  const conceptType = new Uint8Array(n);
  const degree = new Uint32Array(n);
  for (let i = 0; i < n; i++) conceptType[i] = pick(CONCEPT_TYPES.length);

  let e = 0;
  const add = (a: number, b: number) => {
    subject[e] = a;
    object[e] = b;
    relationType[e] = pick(RELATION_TYPES.length);
    degree[a]!++;
    degree[b]!++;
    e++;
  };
  for (const [di, d] of disciplines.entries()) {
    const budget = di === disciplines.length - 1 ? m - e : Math.round(d.size * options.relationsPerConcept);
    const perNode = budget / d.size;
    // Endpoint lists: picking a uniform entry is picking a node proportionally to its degree.
    const ends = new Uint32Array(budget * 2 + 16);
    let endCount = 0;
    const topics = Math.max(1, Math.round(d.size / 400));
    const topicOf = new Uint16Array(d.size);
    const topicEnds: number[][] = Array.from({ length: topics }, () => []);
    for (let i = 0; i < d.size; i++) topicOf[i] = pick(topics);
    const target = e + budget;
    let carry = 0;
    for (let i = 1; i < d.size && e < target; i++) {
      carry += perNode;
      let k = Math.floor(carry);
      carry -= k;
      if (i === d.size - 1) k = target - e; // the last node takes what is left of the budget
      const own = topicEnds[topicOf[i]!]!;
      for (let j = 0; j < k && e < target; j++) {
        let other: number;
        const r = rng();
        if (r < options.crossShare && disciplines.length > 1) {
          const od = disciplines[(di + 1 + pick(disciplines.length - 1)) % disciplines.length]!;
          other = od.offset + pick(od.size) - d.offset; // may be out of this discipline: handled below
        } else if (r < 0.72 && own.length > 0) other = own[pick(own.length)]!;
        else if (r < 0.92) {
          // A related topic (nearby index): knowledge has locality beyond one topic, not uniform mixing.
          const near = topicEnds[(topicOf[i]! + 1 + pick(3)) % topics]!;
          other = near.length > 0 ? near[pick(near.length)]! : pick(i);
        } else if (r < 0.98 && endCount > 0) other = ends[pick(endCount)]!;
        else other = pick(i);
        if (other === i) other = (i + 1 + pick(Math.max(1, i - 1))) % i;
        const a = d.offset + i;
        const b = d.offset + other;
        if (rng() < 0.5) add(a, b);
        else add(b, a);
        if (other >= 0 && other < d.size) {
          ends[endCount++] = other;
          topicEnds[topicOf[other]!]!.push(other);
        }
        ends[endCount++] = i;
        own.push(i);
      }
    }
    // Tiny disciplines can end below budget (each node adds at most its share): pad with random pairs.
    while (e < target) add(d.offset + pick(d.size), d.offset + pick(d.size));
  }
  return { disciplines, conceptCount: n, subject, object, relationType, conceptType, degree };
}

export function termOf(index: number): string {
  return `${STEMS[index % 16]}${ROOTS[(index >>> 4) % 16]} ${(index >>> 8).toString(36)}`;
}

export interface TWriteTarget {
  projectId: string;
  versionId: string;
  /** Prefix of the concept and relation ids (ids are global primary keys: unique per version). */
  idPrefix: string;
}

const BATCH = 20_000;

/**
 * Writes the graph into an existing version with `INSERT … SELECT FROM unnest(…)` batches (one
 * statement per 20k rows; as fast as COPY here, and pg has no COPY client). One document and chunk
 * per discipline carry the relations' provenance, so the concept detail view works on them.
 */
export async function writePaperGraph(client: pg.Client, graph: TGeneratedGraph, target: TWriteTarget, onProgress?: (done: number, total: number) => void) {
  const { projectId, versionId, idPrefix } = target;
  const conceptId = (i: number) => `${idPrefix}c${i.toString(36)}`;
  const chunkOf = new Map<string, { id: string; length: number }>();
  for (const d of graph.disciplines) {
    const text = `Synthetic statements of ${d.name}, generated for benchmarks: each relation quotes this sentence.`;
    const hash = createHash("sha256").update(`${versionId}:${d.name}`).digest("hex");
    const documentId = `${idPrefix}d${d.name}`;
    await client.query(
      `INSERT INTO "Document" (id, "projectId", discipline, filename, format, "sizeBytes", "contentHash", "storageKey", status, text, "charCount")
       VALUES ($1, $2, $3, $4, 'md', $5, $6, $6, 'parsed', $7, $5)`,
      [documentId, projectId, d.name, `${d.name}.md`, text.length, hash, text],
    );
    const chunkId = `${idPrefix}k${d.name}`;
    await client.query(
      `INSERT INTO "Chunk" (id, "projectId", "documentId", index, start, "end", text, tokens, "qualityScore", "qualityKeep", keep, "exactHash", minhash)
       VALUES ($1, $2, $3, 0, 0, $4, $5, 16, 1, true, true, $6, '\\x')`,
      [chunkId, projectId, documentId, text.length, text, hash],
    );
    chunkOf.set(d.name, { id: chunkId, length: text.length });
  }
  const total = graph.conceptCount + graph.subject.length;
  let done = 0;
  for (const d of graph.disciplines) {
    for (let start = 0; start < d.size; start += BATCH) {
      const ids: string[] = [], keys: string[] = [], terms: string[] = [], types: string[] = [], degrees: number[] = [];
      for (let i = d.offset + start; i < d.offset + Math.min(d.size, start + BATCH); i++) {
        const term = termOf(i);
        ids.push(conceptId(i));
        keys.push(term.replace(/ /g, "-"));
        terms.push(term);
        types.push(CONCEPT_TYPES[graph.conceptType[i]!]!);
        degrees.push(graph.degree[i]!);
      }
      await client.query(
        `INSERT INTO "Concept" (id, "versionId", key, term, aliases, type, discipline, degree)
         SELECT id, $1, key, term, '{}', type, $2, degree FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[]) AS t(id, key, term, type, degree)`,
        [versionId, d.name, ids, keys, terms, types, degrees],
      );
      done += ids.length;
      onProgress?.(done, total);
    }
  }
  const disciplineOf = (index: number) => {
    let lo = 0;
    let hi = graph.disciplines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (graph.disciplines[mid]!.offset <= index) lo = mid;
      else hi = mid - 1;
    }
    return graph.disciplines[lo]!.name;
  };
  for (let start = 0; start < graph.subject.length; start += BATCH) {
    const ids: string[] = [], subjects: string[] = [], objects: string[] = [], types: string[] = [], chunks: string[] = [], ends: number[] = [], disciplines: string[] = [];
    for (let i = start; i < Math.min(graph.subject.length, start + BATCH); i++) {
      const discipline = disciplineOf(graph.subject[i]!);
      const chunk = chunkOf.get(discipline)!;
      ids.push(`${idPrefix}r${i.toString(36)}`);
      subjects.push(conceptId(graph.subject[i]!));
      objects.push(conceptId(graph.object[i]!));
      types.push(RELATION_TYPES[graph.relationType[i]!]!);
      chunks.push(chunk.id);
      ends.push(chunk.length);
      disciplines.push(discipline);
    }
    await client.query(
      `INSERT INTO "Relation" (id, "versionId", "subjectId", "objectId", type, predicate, negated, "chunkId", "quoteStart", "quoteEnd", discipline)
       SELECT id, $1, s, o, type, replace(type, '_', ' '), false, chunk, 0, qend, discipline
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[]) AS t(id, s, o, type, chunk, qend, discipline)`,
      [versionId, ids, subjects, objects, types, chunks, ends, disciplines],
    );
    done += ids.length;
    onProgress?.(done, total);
  }
  // A minimal quality report: the UI reads its discipline list and totals from it.
  const perDiscipline = graph.disciplines.map((d) => {
    let relations = 0;
    for (let i = d.offset; i < d.offset + d.size; i++) relations += graph.degree[i]!;
    return { discipline: d.name, concepts: d.size, relations: Math.round(relations / 2), chains: 0 };
  });
  const report = { total: { concepts: graph.conceptCount, relations: graph.subject.length, chains: 0 }, disciplines: perDiscipline, verifiedQuoteShare: 1 };
  await client.query(`UPDATE "KnowledgeVersion" SET report = $2, status = 'ready', "finishedAt" = now() WHERE id = $1`, [versionId, JSON.stringify(report)]);
  await client.query(`ANALYZE "Concept"; `);
  await client.query(`ANALYZE "Relation"`);
}

/** A project (with `userId` as owner when given) and an empty version to write a graph into. */
export async function createGraphProject(client: pg.Client, name: string, userId?: string): Promise<TWriteTarget> {
  const suffix = randomBytes(5).toString("hex");
  const projectId = `pg${suffix}`;
  const versionId = `pv${suffix}`;
  await client.query(`INSERT INTO "Project" (id, name, "updatedAt") VALUES ($1, $2, now())`, [projectId, name]);
  if (userId) await client.query(`INSERT INTO "Membership" (id, "projectId", "userId", role) VALUES ($1, $2, $3, 'owner')`, [`pm${suffix}`, projectId, userId]);
  await client.query(
    `INSERT INTO "KnowledgeVersion" (id, "projectId", number, status, "providerKind", "providerName") VALUES ($1, $2, 1, 'canonicalising', 'synthetic', 'generate-paper-graph')`,
    [versionId, projectId],
  );
  return { projectId, versionId, idPrefix: `x${suffix}` };
}

/**
 * The benchmarks' graphs are kept in proda_bench between runs (writing 1.5M rows takes ~75 s):
 * this finds the project of that name, or generates and writes it.
 */
export async function ensurePaperGraph(client: pg.Client, name: string, options: TGraphOptions, onProgress?: (done: number, total: number) => void) {
  const { rows } = await client.query<{ projectId: string; versionId: string }>(
    `SELECT p.id AS "projectId", v.id AS "versionId" FROM "Project" p JOIN "KnowledgeVersion" v ON v."projectId" = p.id AND v.status = 'ready'
     WHERE p.name = $1 ORDER BY p."createdAt" LIMIT 1`,
    [name],
  );
  if (rows[0]) return { ...rows[0], created: false };
  const graph = generatePaperGraph(options);
  const target = await createGraphProject(client, name);
  await writePaperGraph(client, graph, target, onProgress);
  return { projectId: target.projectId, versionId: target.versionId, created: true };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const seed = Number(argValue("seed") ?? 7);
  const one = argValue("one");
  const sizes = one ? [Number(one)] : disciplineSizes();
  let url = argValue("database-url") ?? process.env.DATABASE_URL;
  if (!url) {
    const { provisionBench } = await import("./lib/harness.ts");
    await provisionBench();
    url = process.env.DATABASE_URL!;
  }
  const started = performance.now();
  const graph = generatePaperGraph({ seed, sizes, relationsPerConcept: 4, crossShare: one ? 0 : 0.01 });
  const generated = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const target = await createGraphProject(client, `Paper graph seed ${seed} (${graph.conceptCount} concepts)`);
  let last = 0;
  await writePaperGraph(client, graph, target, (done, total) => {
    if (done - last >= 100_000 || done === total) {
      last = done;
      process.stdout.write(`\r  written ${done}/${total}`);
    }
  });
  await client.end();
  const maxDegree = graph.degree.reduce((a, b) => Math.max(a, b), 0);
  console.log(`\n${JSON.stringify({ ...target, concepts: graph.conceptCount, relations: graph.subject.length, maxDegree, sizes, generateSeconds: (generated - started) / 1000, writeSeconds: (performance.now() - generated) / 1000 })}`);
}

if (process.argv[1]?.endsWith("generate-paper-graph.ts")) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
