// knowledge.layout: the overview layout of a version's graph (one discipline or all), computed in a
// worker thread and stored as typed arrays on its GraphLayout row. The seed comes from the version
// and discipline, so a re-run draws the same picture. The version row itself is never touched.
import os from "node:os";
import type { TJobPayload } from "@proda/jobs";
import { UnrecoverableError } from "bullmq";
import { JobCancelledError, type JobContext } from "../job-context.ts";
import { loadLayoutGraph } from "../layout/load-layout-graph.ts";
import { seedFrom } from "../layout/rng.ts";
import { runLayoutThread } from "../layout/run-layout-thread.ts";

// The payload format is little-endian; typed arrays are stored as they lie in memory.
if (os.endianness() !== "LE") throw new Error("knowledge.layout needs a little-endian machine");

const bytesOf = (array: Float32Array | Uint32Array | Int32Array) => new Uint8Array(array.buffer as ArrayBuffer, array.byteOffset, array.byteLength);

export async function layoutKnowledge(ctx: JobContext<TJobPayload<"knowledge.layout">>) {
  const { prisma, payload } = ctx;
  const layout = await prisma.graphLayout.findUnique({ where: { id: payload.layoutId }, include: { version: { select: { projectId: true, status: true } } } });
  if (!layout) return { deleted: true };
  if (layout.version.projectId !== payload.projectId) throw new UnrecoverableError("The layout belongs to another project");
  if (layout.status === "ready") return { alreadyReady: true, nodes: layout.nodeCount };
  if (layout.version.status !== "ready") throw new UnrecoverableError(`The knowledge version is ${layout.version.status}, not ready`);
  await prisma.graphLayout.update({ where: { id: layout.id }, data: { status: "building", error: null } });
  const started = performance.now();
  try {
    await ctx.progress({ done: 0, total: 100, message: "Loading the graph" });
    const graph = await loadLayoutGraph(prisma, layout.versionId, layout.discipline);
    const n = graph.conceptIds.length;
    const m = graph.edges.length / 2;
    const loaded = performance.now();
    // 0–10 %: loading, 10–30 %: communities, 30–100 %: ForceAtlas2 iterations.
    const result = await runLayoutThread({ nodeCount: n, edges: graph.edges, groups: graph.groups, seed: seedFrom(`${layout.versionId}:${layout.discipline}`) }, (phase, done, total) =>
      ctx.progress({
        done: phase === "communities" ? 10 : 30 + Math.floor((70 * done) / Math.max(1, total)),
        total: 100,
        message: phase === "communities" ? `Finding communities in ${n} concepts, ${m} links` : `Force layout: iteration ${done} of ${total}`,
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await prisma.graphLayout.update({
      where: { id: layout.id },
      data: {
        status: "ready", nodeCount: n, edgeCount: m, conceptIds: graph.conceptIds,
        positions: bytesOf(result.positions), edges: bytesOf(graph.edges), communities: bytesOf(result.communities),
        stats: {
          iterations: result.iterations, seconds, loadSeconds: (loaded - started) / 1000, bounds: result.bounds,
          communities: result.communityCount, modularity: result.modularity,
        },
        finishedAt: new Date(),
      },
    });
    await ctx.progress({ done: 100, total: 100, message: `${n} concepts, ${m} links, ${result.communityCount} communities` });
    return { nodes: n, edges: m, communities: result.communityCount, seconds };
  } catch (error) {
    const cancelled = error instanceof JobCancelledError;
    await prisma.graphLayout.updateMany({
      where: { id: layout.id },
      data: { status: cancelled ? "cancelled" : "failed", error: cancelled ? null : error instanceof Error ? error.message : String(error), finishedAt: new Date() },
    });
    throw error;
  }
}
