// The corpus funnel per discipline — documents → parsed → chunks → kept — with the reasons for
// what was dropped, in three grouped queries however large the corpus.
import type { PrismaClient } from "@proda/db";
import type { TDisciplineFunnelDto, TFunnelDto } from "@/lib/api-types";

interface Counts {
  documents: number;
  parsed: number;
  pending: number;
  chunks: number;
  kept: number;
  failed: Map<string, number>;
  dropped: Map<string, number>;
}

const empty = (): Counts => ({ documents: 0, parsed: 0, pending: 0, chunks: 0, kept: 0, failed: new Map(), dropped: new Map() });
const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
const rate = (n: number, of: number) => (of > 0 ? n / of : 0);
const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

function toDto(discipline: string, c: Counts): TDisciplineFunnelDto {
  return {
    discipline,
    stages: [
      { stage: "documents", count: c.documents, rate: 1 },
      { stage: "parsed", count: c.parsed, rate: rate(c.parsed, c.documents) },
      { stage: "chunks", count: c.chunks, rate: 1 },
      { stage: "kept", count: c.kept, rate: rate(c.kept, c.chunks) },
    ],
    failedDocuments: sorted(c.failed).map(([code, count]) => ({ code, count })),
    droppedChunks: sorted(c.dropped).map(([reason, count]) => ({ reason, count })),
    pendingDocuments: c.pending,
  };
}

export async function computeFunnel(prisma: PrismaClient, projectId: string): Promise<TFunnelDto> {
  // Archives are containers: their entries are counted, not the .zip itself.
  const docs = await prisma.$queryRaw<{ discipline: string; status: string; code: string | null; n: bigint }[]>`
    SELECT discipline, status::text AS status, "errorCode" AS code, count(*) AS n
    FROM "Document" WHERE "projectId" = ${projectId} AND status <> 'expanded'
    GROUP BY 1, 2, 3`;
  const chunks = await prisma.$queryRaw<{ discipline: string; reason: string | null; n: bigint }[]>`
    SELECT d.discipline, c."dropReason" AS reason, count(*) AS n
    FROM "Chunk" c JOIN "Document" d ON d.id = c."documentId"
    WHERE c."projectId" = ${projectId}
    GROUP BY 1, 2`;
  // Failed archive entries are recorded on their archive (they never became documents).
  const archiveErrors = await prisma.$queryRaw<{ discipline: string; code: string; n: bigint }[]>`
    SELECT discipline, e->>'code' AS code, count(*) AS n
    FROM "Document", jsonb_array_elements(COALESCE(metadata->'entryErrors', '[]'::jsonb)) e
    WHERE "projectId" = ${projectId} AND status = 'expanded'
    GROUP BY 1, 2`;

  const by = new Map<string, Counts>();
  const total = empty();
  const of = (d: string) => by.get(d) ?? by.set(d, empty()).get(d)!;
  for (const row of docs) {
    const n = Number(row.n);
    for (const c of [of(row.discipline), total]) {
      c.documents += n;
      if (row.status === "parsed") c.parsed += n;
      else if (row.status === "failed") add(c.failed, row.code ?? "unknown", n);
      else c.pending += n;
    }
  }
  for (const row of archiveErrors) {
    for (const c of [of(row.discipline), total]) {
      c.documents += Number(row.n);
      add(c.failed, row.code, Number(row.n));
    }
  }
  for (const row of chunks) {
    const n = Number(row.n);
    for (const c of [of(row.discipline), total]) {
      c.chunks += n;
      if (row.reason === null) c.kept += n;
      else add(c.dropped, row.reason, n);
    }
  }
  return {
    total: toDto("all", total),
    disciplines: [...by].sort((a, b) => a[0].localeCompare(b[0])).map(([d, c]) => toDto(d, c)),
  };
}
