// The graph overview in headless Chromium (Debian's, software rendering, as in the e2e tests) at
// 10k, 50k and 300k nodes: time to first frame and to the complete picture, frame times during a
// scripted pan/zoom (requestAnimationFrame intervals), the full re-render once idle, and JS heap.
// Needs a running web server on the bench database (proda_bench): `next start` for figures that
// count, or `next dev` (React in development mode; the canvas work is the same code either way).
//
//   npx tsx --tsconfig apps/web/tsconfig.json bench/graph-render.ts --url http://127.0.0.1:3100 [--sizes 10k,50k,300k]
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import pg from "pg";
import { disciplineSizes, ensurePaperGraph, type TGraphOptions } from "./generate-paper-graph.ts";
import { provisionBench, ROOT, startWorkers, waitForJob } from "./lib/harness.ts";

const { values: args } = parseArgs({ options: { url: { type: "string", default: "http://127.0.0.1:3100" }, sizes: { type: "string", default: "10k,50k,300k" } } });
const GRAPHS: Record<string, { name: string; options: TGraphOptions }> = {
  "10k": { name: "Paper graph seed 7 · 1 discipline · 10000 concepts", options: { seed: 7, sizes: [10_000], relationsPerConcept: 4, crossShare: 0 } },
  "50k": { name: "Paper graph seed 7 · 1 discipline · 50000 concepts", options: { seed: 7, sizes: [50_000], relationsPerConcept: 4, crossShare: 0 } },
  "300k": { name: "Paper graph seed 7 · 16 disciplines · 300000 concepts", options: { seed: 7, sizes: disciplineSizes(), relationsPerConcept: 4, crossShare: 0.01 } },
};
const PASSWORD = "correct horse battery staple"; // createUserWithToken's password

await provisionBench();
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const { getPrisma } = await import("@proda/db");
const { closeProducer } = await import("@proda/jobs");
const { createUserWithToken } = await import("../prisma/factories/projects.ts");
const { addMember } = await import("../prisma/factories/users.ts");
const layoutsRoute = await import("../apps/web/app/api/v1/projects/[projectId]/knowledge/versions/[versionId]/layouts/route.ts");
const prisma = getPrisma();
const { token, user } = await createUserWithToken(prisma, "bench-graph-render");

/** The graph and its all-disciplines layout, computed by a real worker when missing. */
async function prepare(size: string) {
  const { name, options } = GRAPHS[size]!;
  const graph = await ensurePaperGraph(client, name, options, (done, total) => process.stdout.write(`\r  ${size}: writing ${done}/${total}`));
  await addMember(prisma, graph.projectId, user.id, "owner");
  const res = await layoutsRoute.POST(
    new Request("http://bench/x", { method: "POST", body: "{}", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } }),
    { params: Promise.resolve({ projectId: graph.projectId, versionId: graph.versionId }) },
  );
  let { layout } = (await res.json()) as { layout: { id: string; status: string; jobId: string | null } };
  if (layout.status !== "ready") {
    console.log(`  ${size}: computing the layout (worker) …`);
    const workers = await startWorkers(1);
    await waitForJob(layout.jobId!);
    await Promise.all(workers.map((w) => w.stop()));
  }
  const row = await prisma.graphLayout.findUniqueOrThrow({ where: { id: layout.id }, select: { nodeCount: true, edgeCount: true, stats: true } });
  return { ...graph, layoutId: layout.id, nodes: row.nodeCount, edges: row.edgeCount, layoutStats: row.stats };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!;

/** Drags and wheels over the canvas for ~4 s while a rAF loop records every frame. */
async function scriptedPanZoom(page: Page) {
  const box = (await page.getByTestId("graph-overview-canvas").boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // Strings, not functions: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(cx + 5 * i, cy + 2 * i);
  await page.mouse.up();
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(16);
  }
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(cx - 6 * i, cy - 3 * i);
  await page.mouse.up();
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, 160);
    await page.waitForTimeout(16);
  }
  const lastInput = await page.evaluate<number>("performance.now()");
  const frames = await page.evaluate<number[]>("(window.__recording = false, window.__frames)");
  const intervals = frames.slice(1).map((t, i) => t - frames[i]!);
  const seconds = (frames.at(-1)! - frames[0]!) / 1000;
  return {
    seconds: +seconds.toFixed(2), frames: intervals.length, fps: +(intervals.length / seconds).toFixed(1),
    frameMs: { p50: +percentile(intervals, 0.5).toFixed(1), p95: +percentile(intervals, 0.95).toFixed(1), p99: +percentile(intervals, 0.99).toFixed(1), max: +Math.max(...intervals).toFixed(1) },
    over20ms: intervals.filter((d) => d > 20).length,
    lastInput,
  };
}

/** Load figures of the page just opened, from its own performance marks and resource timings. */
async function loadTimings(page: Page) {
  await page.getByTestId("graph-overview-canvas").waitFor({ timeout: 120_000 });
  await page.waitForFunction(`Number(document.querySelector("[data-testid=graph-overview-canvas]")?.dataset.completeFrames ?? 0) > 0`, null, { timeout: 120_000 });
  const load = await page.evaluate<Record<string, number>>(`(() => {
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const data = performance.getEntriesByType("resource").find((r) => r.name.endsWith("/data"));
    return {
      firstFrameMs: mark("proda:overview:first-frame"), completeMs: mark("proda:overview:complete"),
      payloadRequestMs: data ? data.responseEnd - data.startTime : NaN, payloadEndMs: data?.responseEnd ?? NaN,
      payloadBytes: data?.decodedBodySize ?? NaN,
    };
  })()`);
  return {
    firstFrameMs: +load.firstFrameMs!.toFixed(0), completeMs: +load.completeMs!.toFixed(0),
    payloadMs: +load.payloadRequestMs!.toFixed(0), afterPayloadMs: +(load.firstFrameMs! - load.payloadEndMs!).toFixed(0), payloadBytes: load.payloadBytes,
  };
}

async function measure(page: Page, size: string, graph: Awaited<ReturnType<typeof prepare>>) {
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${args.url}/projects/${graph.projectId}/stages/knowledge?graph=*&v=${graph.versionId}`);
  const cold = await loadTimings(page);
  // Again with the payload cached (by the browser: immutable; and by the server): a second visit.
  await page.reload();
  const warm = await loadTimings(page);
  const panZoom = await scriptedPanZoom(page);
  // The full picture once the camera is still again: from the last input to the last complete render.
  await page.waitForFunction(`document.querySelector("[data-testid=graph-overview-canvas]")?.dataset.settled === "true"`, null, { timeout: 60_000 });
  const lastComplete = await page.evaluate<number>(`Math.max(...performance.getEntriesByName("proda:overview:complete").map((e) => e.startTime))`);
  const idleRenderMs = +(lastComplete - panZoom.lastInput).toFixed(0);
  await cdp.send("HeapProfiler.collectGarbage");
  // usedSize is V8's heap; ArrayBuffer contents (the payload's typed arrays) are counted apart, in
  // backingStorageSize where this Chromium reports it.
  const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number; totalSize: number; backingStorageSize?: number; embedderHeapUsedSize?: number };
  const result = {
    size, nodes: graph.nodes, edges: graph.edges, layoutStats: graph.layoutStats, cold, warm,
    panZoom, idleRenderMs,
    heapMB: {
      used: +(heap.usedSize / 2 ** 20).toFixed(1), total: +(heap.totalSize / 2 ** 20).toFixed(1),
      arrayBuffers: heap.backingStorageSize === undefined ? null : +(heap.backingStorageSize / 2 ** 20).toFixed(1),
      embedder: heap.embedderHeapUsedSize === undefined ? null : +(heap.embedderHeapUsedSize / 2 ** 20).toFixed(1),
    },
  };
  await page.screenshot({ path: path.join(ROOT, `test-results/graph-render-${size}.png`) });
  await cdp.detach();
  return result;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
});
const results = [];
try {
  const graphs: [string, Awaited<ReturnType<typeof prepare>>][] = [];
  for (const size of args.sizes!.split(",")) graphs.push([size, await prepare(size)]);
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, bypassCSP: true }); // the probes are string expressions; the page policy forbids eval
  const page = await context.newPage();
  await page.goto(`${args.url}/sign-in`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(/\/projects$/);
  await page.close();
  for (const [size, graph] of graphs) {
    // A fresh page per size: its heap holds one graph only.
    const sizePage = await context.newPage();
    const result = await measure(sizePage, size, graph);
    console.log(`\n${JSON.stringify(result)}`);
    results.push(result);
    await sizePage.close();
  }
} finally {
  await browser.close();
  await client.end();
  await closeProducer();
}
const out = { when: new Date().toISOString(), loadAverage: +os.loadavg()[0]!.toFixed(2), url: args.url, viewport: "1600×1000", chromium: "Debian, headless, --disable-gpu", results };
writeFileSync(path.join(ROOT, "bench/results/graph-render.json"), `${JSON.stringify(out, null, 2)}\n`);
console.table(results.map((r) => ({
  size: r.size, nodes: r.nodes, edges: r.edges, "first frame ms (cold/warm)": `${r.cold.firstFrameMs} / ${r.warm.firstFrameMs}`,
  "payload ms (cold)": r.cold.payloadMs, "after payload ms": r.warm.afterPayloadMs, "payload MB": +(r.cold.payloadBytes / 2 ** 20).toFixed(1),
  fps: r.panZoom.fps, "p95 frame ms": r.panZoom.frameMs.p95, ">20ms": r.panZoom.over20ms, "idle render ms": r.idleRenderMs, "heap MB": r.heapMB.used, "buffers MB": r.heapMB.arrayBuffers,
})));
