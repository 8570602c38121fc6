// The contamination guard over a stored dataset version: the benchmark items are indexed once, the
// samples stream through page by page. The verdict (passed, blocked, or overridden when the report
// carries an owner's reason) is stored with every hit; a freeze asked for with the check happens
// only when the verdict lets the version through.
import type { PrismaClient } from "@proda/db";
import {
  CONTAMINATION_HIT_KINDS,
  ContaminationGuard,
  ZContaminationOptions,
  type TContaminationHit,
  type TContaminationHitKind,
  type TMessage,
} from "@proda/engine";
import type { ProgressUpdate } from "../job-context.ts";
import { freezeDatasetVersion } from "./freeze-version.ts";
import { loadBenchmarkItems } from "./load-benchmark-items.ts";

const PAGE = 2000;
/** Hits kept in the report row; the counts always cover all of them. A version this contaminated is rebuilt, not read hit by hit. */
const MAX_STORED_HITS = 10_000;

export async function checkDatasetVersion(prisma: PrismaClient, reportId: string, progress: (update: ProgressUpdate) => Promise<void>) {
  const report = await prisma.contaminationReport.findUnique({ where: { id: reportId } });
  if (!report) return { skipped: "deleted" };
  if (report.status !== "running") return { skipped: report.status };
  const version = await prisma.datasetVersion.findUniqueOrThrow({ where: { id: report.datasetVersionId } });

  const items = await loadBenchmarkItems(prisma, report.benchmarkIds);
  const guard = new ContaminationGuard(items, ZContaminationOptions.parse(report.options));
  const relationsOf = new Map(items.map((item) => [item.key, item.relationIds]));
  const hits: TContaminationHit[] = [];
  const byKind = Object.fromEntries(CONTAMINATION_HIT_KINDS.map((k) => [k, 0])) as Record<TContaminationHitKind, number>;
  const nodes = new Map<string, { items: Set<string>; samples: Set<string> }>();
  let samples = 0;
  for (let after = -1; ; ) {
    await progress({ done: samples, total: version.sampleCount, message: `Checking samples against ${items.length} benchmark items` });
    const page = await prisma.trainingSample.findMany({
      where: { datasetVersionId: version.id, position: { gt: after } },
      select: { position: true, key: true, messages: true, relationIds: true },
      orderBy: { position: "asc" },
      take: PAGE,
    });
    for (const sample of page) {
      const found = guard.check({ key: sample.key, texts: (sample.messages as unknown as TMessage[]).map((m) => m.content), relationIds: sample.relationIds });
      const taught = new Set(sample.relationIds);
      for (const hit of found) {
        byKind[hit.kind]++;
        if (hits.length < MAX_STORED_HITS) hits.push(hit);
        // The node report: benchmark relations this sample teaches in the item's own words.
        for (const relationId of relationsOf.get(hit.itemKey) ?? []) {
          if (!taught.has(relationId)) continue;
          const entry = nodes.get(relationId) ?? { items: new Set<string>(), samples: new Set<string>() };
          entry.items.add(hit.itemKey);
          entry.samples.add(sample.key);
          nodes.set(relationId, entry);
        }
      }
    }
    samples += page.length;
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.position;
  }

  const hitCount = CONTAMINATION_HIT_KINDS.reduce((sum, k) => sum + byKind[k], 0);
  const status = hitCount === 0 ? "passed" : report.overrideReason ? "overridden" : "blocked";
  const nodeReport = [...nodes.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([relationId, entry]) => ({ relationId, itemKeys: [...entry.items].sort(), sampleKeys: [...entry.samples].sort() }));
  const outcome = { counts: { samples, items: items.length, byKind }, hits: hits as object[], nodeReport, finishedAt: new Date() };
  if (report.freezeOnPass && status !== "blocked") {
    await freezeDatasetVersion(prisma, report, { ...outcome, status });
  } else {
    await prisma.contaminationReport.update({ where: { id: report.id }, data: { ...outcome, status } });
  }
  await progress({ done: samples, total: samples, message: `${status}: ${hitCount} hit${hitCount === 1 ? "" : "s"}` });
  return { status, hits: hitCount };
}
