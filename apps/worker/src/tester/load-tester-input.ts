// A knowledge version in the Tester's shapes: the chains of the chosen disciplines, and a GraphView
// over ALL of the version's concepts and relations, so that a distractor is checked false against
// the whole version, not just the disciplines being tested.
import type { PrismaClient } from "@proda/db";
import { GraphView, RELATION_TYPES, type TRelationType, type TTesterChainInput } from "@proda/engine";

const KNOWN_TYPES: ReadonlySet<string> = new Set(RELATION_TYPES);

export interface TTesterInput {
  chains: TTesterChainInput[];
  graph: GraphView;
}

export async function loadTesterInput(prisma: PrismaClient, versionId: string, disciplines: readonly string[]): Promise<TTesterInput> {
  const [concepts, relations, chains] = await Promise.all([
    prisma.concept.findMany({ where: { versionId }, select: { id: true, term: true, type: true, discipline: true } }),
    prisma.relation.findMany({
      where: { versionId },
      select: { id: true, subjectId: true, objectId: true, type: true, negated: true, chunkId: true, quoteStart: true, quoteEnd: true },
    }),
    // A fixed chain order: the benchmark-wide length and position balancers depend on it, and a
    // resumed run must regenerate the same sequence.
    prisma.chain.findMany({
      where: { versionId, ...(disciplines.length > 0 ? { discipline: { in: [...disciplines] } } : {}) },
      select: { id: true, chunkId: true, documentId: true, discipline: true, title: true, steps: true, preconditions: true, negativeConstraints: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const graph = new GraphView(
    concepts,
    // Stored types come from the closed vocabulary; anything else reads as "other" (no inverse, no swap meaning lost).
    relations.map((r) => ({ ...r, type: (KNOWN_TYPES.has(r.type) ? r.type : "other") as TRelationType })),
  );
  // JSON columns as stored by the knowledge build; generateItems parses each chain with ZTesterChain.
  return { chains: chains as unknown as TTesterChainInput[], graph };
}
