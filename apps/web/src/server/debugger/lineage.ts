// The lineage of one artifact: everything it was made from (walking parents) and everything made
// from it (walking children), as nodes and edges for the lineage view. Siblings are not followed
// (a benchmark's lineage does not list every other benchmark of its knowledge version), and the
// graph stops at MAX_NODES.
import { AppError } from "@proda/core";
import type { PrismaClient } from "@proda/db";
import { z } from "zod";
import type { TLineageDto } from "@/lib/api-types";
import { childrenOf, parentsOf, type TArtifactType, type TLink, type TRef } from "./lineage-links.ts";

const TYPES = ["knowledge_version", "benchmark", "dataset_version", "training_run", "model", "evaluation", "diagnosis_run", "loop"] as const satisfies readonly TArtifactType[];
export const ZLineageQuery = z.object({ type: z.enum(TYPES), id: z.string().min(1).max(64) });

const MAX_NODES = 200;
const MAX_LOOPS = 200;

type TNodeInfo = { label: string; status: string | null };

/** Label and status of every node, one query per type. */
async function describe(prisma: PrismaClient, projectId: string, refs: TRef[]): Promise<Map<string, TNodeInfo>> {
  const ids = (type: TArtifactType) => ({ projectId, id: { in: refs.filter((r) => r.type === type).map((r) => r.id) } });
  const [kv, b, dv, tr, m, e, d, l] = await Promise.all([
    prisma.knowledgeVersion.findMany({ where: ids("knowledge_version"), select: { id: true, number: true, status: true } }),
    prisma.benchmark.findMany({ where: ids("benchmark"), select: { id: true, name: true, status: true } }),
    prisma.datasetVersion.findMany({ where: ids("dataset_version"), select: { id: true, number: true, name: true, status: true } }),
    prisma.trainingRun.findMany({ where: ids("training_run"), select: { id: true, number: true, backend: true, status: true } }),
    prisma.registeredModel.findMany({ where: ids("model"), select: { id: true, name: true, kind: true } }),
    prisma.evaluation.findMany({ where: ids("evaluation"), select: { id: true, number: true, status: true } }),
    prisma.diagnosisRun.findMany({ where: ids("diagnosis_run"), select: { id: true, judge: true, status: true, createdAt: true } }),
    prisma.loopRun.findMany({ where: ids("loop"), select: { id: true, number: true, status: true } }),
  ]);
  const info = new Map<string, TNodeInfo>();
  for (const r of kv) info.set(r.id, { label: `Knowledge v${r.number}`, status: r.status });
  for (const r of b) info.set(r.id, { label: r.name, status: r.status });
  for (const r of dv) info.set(r.id, { label: `V${r.number} · ${r.name}`, status: r.status });
  for (const r of tr) info.set(r.id, { label: `Training run ${r.number} (${r.backend})`, status: r.status });
  for (const r of m) info.set(r.id, { label: r.name, status: r.kind });
  for (const r of e) info.set(r.id, { label: `Evaluation ${r.number}`, status: r.status });
  for (const r of d) info.set(r.id, { label: `Diagnosis (${r.judge === "builtin" ? "builtin judge" : "LLM judge"}) ${r.createdAt.toISOString().slice(0, 10)}`, status: r.status });
  for (const r of l) info.set(r.id, { label: `Loop ${r.number}`, status: r.status });
  return info;
}

export async function loadLineage(prisma: PrismaClient, projectId: string, start: TRef): Promise<TLineageDto> {
  const loops = await prisma.loopRun.findMany({ where: { projectId }, select: { id: true, artifacts: true }, orderBy: { number: "desc" }, take: MAX_LOOPS });
  const exists = await describe(prisma, projectId, [start]);
  if (!exists.has(start.id)) throw new AppError("not_found", "Artifact not found");

  const nodes = new Map<string, TRef>([[start.id, start]]);
  const edges = new Map<string, TLink>();
  const walk = async (next: (node: TRef) => Promise<TLink[]>, far: (link: TLink) => TRef) => {
    for (let queue = [start]; queue.length > 0 && nodes.size < MAX_NODES; ) {
      const found = (await Promise.all(queue.map(next))).flat();
      queue = [];
      for (const link of found) {
        const other = far(link);
        if (!nodes.has(other.id)) {
          if (nodes.size >= MAX_NODES) break;
          nodes.set(other.id, other);
          queue.push(other);
        }
        edges.set(`${link.parent.id}>${link.child.id}`, link);
      }
    }
  };
  await walk((n) => parentsOf(prisma, projectId, n, loops), (link) => link.parent);
  await walk((n) => childrenOf(prisma, projectId, n, loops), (link) => link.child);

  const info = await describe(prisma, projectId, [...nodes.values()]);
  // A link to a deleted artifact (a parent id left in a recipe) is dropped with its node.
  const kept = [...nodes.values()].filter((n) => info.has(n.id));
  const keptIds = new Set(kept.map((n) => n.id));
  return {
    nodes: kept.map((n) => ({ id: n.id, type: n.type, ...info.get(n.id)! })),
    edges: [...edges.values()]
      .filter((e) => keptIds.has(e.parent.id) && keptIds.has(e.child.id))
      .map((e) => ({ source: e.parent.id, target: e.child.id, label: e.label })),
  };
}
