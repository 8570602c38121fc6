// The corpus pipeline on real PostgreSQL, Redis and a real worker process: upload every format
// through the route handler, process, and check documents, chunk offsets, filter reasons,
// deduplication and the funnel — and that bad input is refused per file while nothing stored changes.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { getPrisma, type Job } from "@proda/db";
import { closeProducer, getQueue } from "@proda/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocx } from "../../../packages/engine/test/helpers/docx.ts";
import { buildPdf } from "../../../packages/engine/test/helpers/pdf.ts";
import { buildZip } from "../../../packages/engine/test/helpers/zip.ts";
import { createProjectWithRoles } from "../../../prisma/factories/projects.ts";
import { waitForJob } from "../../../prisma/factories/wait-for-job.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import * as documents from "../app/api/v1/projects/[projectId]/corpus/documents/route.ts";
import * as documentRoute from "../app/api/v1/projects/[projectId]/corpus/documents/[documentId]/route.ts";
import * as processRoute from "../app/api/v1/projects/[projectId]/corpus/process/route.ts";
import * as funnelRoute from "../app/api/v1/projects/[projectId]/corpus/funnel/route.ts";
import { callRoute } from "./call-route.ts";
import { ECONOMICS, MICROBIOLOGY, NAVIGATION } from "./fixtures/prose.ts";

const prisma = getPrisma();
process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
let worker: WorkerProcess;
let projectId: string;
let token: string;

beforeAll(async () => {
  const fixture = await createProjectWithRoles(prisma, ["owner", "viewer"]);
  projectId = fixture.project.id;
  token = fixture.members.owner.token;
  worker = await startWorker({ PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX! });
});

afterAll(async () => {
  await worker?.stop();
  await getQueue("cpu").obliterate({ force: true }).catch(() => {});
  await closeProducer();
});

type TFile = [name: string, data: string | Uint8Array];

async function upload(files: TFile[], fields: Record<string, string> = {}, asToken = token) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [name, data] of files) form.append("files", new Blob([typeof data === "string" ? data : new Uint8Array(data)]), name);
  const req = new Request("http://localhost/api/v1/upload", { method: "POST", body: form, headers: { authorization: `Bearer ${asToken}` } });
  const res = await documents.POST(req, { params: Promise.resolve({ projectId }) });
  return { status: res.status, body: await res.json() };
}

async function processAndWait(): Promise<Job> {
  const res = await callRoute(processRoute.POST, "POST", { token, params: { projectId } });
  expect(res.status).toBe(202);
  return waitForJob(prisma, res.body.job.id, 60_000);
}

const docByName = (filename: string) => prisma.document.findFirstOrThrow({ where: { projectId, filename } });

describe("corpus pipeline", () => {
  let results: { name: string; status: string; error?: { code: string } }[];

  it("accepts every supported format and refuses bad files one by one", async () => {
    const latin1 = Buffer.from("Caf\xe9 au lait is a drink.\n\n" + ECONOMICS.replace("# Demand", "# Demand (latin-1)"), "latin1");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MICROBIOLOGY.replace("Bacterial Growth", "Bacterial Growth (UTF-16)"), "utf16le")]);
    const res = await upload([
      ["microbiology/growth.md", `---\ntitle: Growth of bacteria\nchapter: 9\n---\n${MICROBIOLOGY}`],
      ["economics/demand.txt", ECONOMICS],
      ["economics/latin1.txt", latin1],
      ["microbiology/utf16.txt", utf16],
      ["economics/page.html", `<html><head><title>Markets</title><script>alert(1)</script></head><body><nav>Home About</nav><h1>Markets</h1>${ECONOMICS.split("\n\n").slice(1).map((p) => `<p>${p}</p>`).join("")}</body></html>`],
      ["economics/records.jsonl", ECONOMICS.split("\n\n").slice(1).map((p) => JSON.stringify({ body: { text: p }, id: 1 })).join("\n")],
      ["microbiology/lecture.docx", buildDocx({ heading: "Growth media", paragraphs: MICROBIOLOGY.split("\n\n").slice(1, 3), table: [["Phase", "Change"], ["Lag", "No growth"], ["Log", "Exponential"]] })],
      ["microbiology/notes.pdf", buildPdf([{ lines: MICROBIOLOGY.split("\n\n")[2]!.match(/.{1,80}(\s|$)/g)! }])],
      ["economics/bundle.zip", buildZip([{ name: "supply/a.md", data: ECONOMICS.replace("Demand and Supply", "Supply, again") }, { name: "../escape.md", data: "x" }])],
      ["nav.md", NAVIGATION],
      ["copy-of-growth.md", `---\ntitle: Growth of bacteria\nchapter: 9\n---\n${MICROBIOLOGY}`],
      ["empty.txt", ""],
      ["program.exe", "MZ\x90\x00"],
      ["image.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0])],
      ["broken.pdf", "%PDF-1.7\n1 0 obj <<"],
      ["locked.pdf", readFileSync(new URL("../../../packages/engine/test/fixtures/encrypted.pdf", import.meta.url))],
      ["bomb.zip", buildZip([{ name: "zeros.txt", data: new Uint8Array(50 * 1024 * 1024), method: 8 }])],
    ], { jsonTextFields: "body.text" });
    expect(res.status).toBe(201);
    results = res.body.results;
    const status = Object.fromEntries(results.map((r) => [r.name, r.status]));
    expect(status["copy-of-growth.md"]).toBe("duplicate");
    expect(results.find((r) => r.name === "empty.txt")?.error?.code).toBe("empty");
    expect(results.find((r) => r.name === "program.exe")?.error?.code).toBe("unsupported_type");
    expect(results.filter((r) => r.status === "accepted").map((r) => r.name).sort()).toEqual(
      ["bomb.zip", "broken.pdf", "bundle.zip", "demand.txt", "growth.md", "image.txt", "latin1.txt", "lecture.docx", "locked.pdf", "nav.md", "notes.pdf", "page.html", "records.jsonl", "utf16.txt"],
    );
    const growth = await docByName("growth.md");
    expect(growth.discipline).toBe("microbiology");
    expect((await docByName("nav.md")).discipline).toBe("general");
  });

  it("parses, chunks, filters and deduplicates them in a queued job", async () => {
    const job = await processAndWait();
    expect(job.status).toBe("completed");

    const growth = await docByName("growth.md");
    expect(growth.status).toBe("parsed");
    expect(growth.title).toBe("Growth of bacteria");
    expect((growth.metadata as { chapter?: number }).chapter).toBe(9);
    for (const name of ["demand.txt", "latin1.txt", "utf16.txt", "page.html", "records.jsonl", "lecture.docx", "notes.pdf", "a.md"]) {
      const doc = await docByName(name);
      expect(doc.status, `${name}: ${doc.error}`).toBe("parsed");
      expect(doc.text!.length, name).toBeGreaterThan(100);
    }
    expect((await docByName("latin1.txt")).text).toContain("Café au lait");
    expect((await docByName("utf16.txt")).text).toContain("binary fission");
    expect((await docByName("page.html")).text).not.toContain("alert(1)");
    expect((await docByName("lecture.docx")).text).toMatch(/Lag.*No growth/);

    expect(await docByName("image.txt")).toMatchObject({ status: "failed", errorCode: "binary_content" });
    expect(await docByName("broken.pdf")).toMatchObject({ status: "failed", errorCode: "corrupt_pdf" });
    expect(await docByName("locked.pdf")).toMatchObject({ status: "failed", errorCode: "encrypted_pdf" });
    const bomb = await docByName("bomb.zip");
    expect(bomb).toMatchObject({ status: "failed", errorCode: "zip_limits" });
    expect(await prisma.document.count({ where: { archiveId: bomb.id } })).toBe(0);
    const bundle = await docByName("bundle.zip");
    expect(bundle.status).toBe("expanded");
    expect((bundle.metadata as { entryErrors: { code: string }[] }).entryErrors.map((e) => e.code)).toEqual(["unsafe_entry_name"]);
    expect((await docByName("a.md")).discipline).toBe("economics");

    // Every chunk is exactly the span of its document's text it claims to be.
    const chunks = await prisma.chunk.findMany({ where: { projectId }, include: { document: { select: { text: true } } } });
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(c.text).toBe(c.document.text!.slice(c.start, c.end));

    const nav = await prisma.chunk.findMany({ where: { projectId, document: { filename: "nav.md" } } });
    expect(nav.length).toBeGreaterThan(0);
    for (const c of nav) {
      expect(c.keep).toBe(false);
      expect((c.reasons as { code: string }[]).map((r) => r.code)).toContain("navigation");
    }

    // The same economics prose arrives as .txt, latin-1 .txt, .html, .jsonl and in the zip: only one copy of each passage is kept.
    const duplicates = await prisma.chunk.findMany({ where: { projectId, dropReason: { in: ["exact_duplicate", "near_duplicate"] } } });
    expect(duplicates.length).toBeGreaterThan(0);
    for (const d of duplicates) {
      const original = await prisma.chunk.findUniqueOrThrow({ where: { id: d.duplicateOfId! } });
      expect(original.keep).toBe(true);
    }
    expect(await prisma.chunk.count({ where: { projectId, keep: true, dropReason: { not: null } } })).toBe(0);
  });

  it("reports the funnel per discipline with the reasons for what was dropped", async () => {
    const res = await callRoute(funnelRoute.GET, "GET", { token, params: { projectId } });
    expect(res.status).toBe(200);
    const total = res.body.total;
    const count = (stage: string) => total.stages.find((s: { stage: string }) => s.stage === stage).count;
    const docs = await prisma.document.count({ where: { projectId, status: { not: "expanded" } } });
    expect(count("documents")).toBe(docs + 1); // + the unsafe zip entry that never became a document
    expect(count("parsed")).toBe(await prisma.document.count({ where: { projectId, status: "parsed" } }));
    expect(count("chunks")).toBe(await prisma.chunk.count({ where: { projectId } }));
    expect(count("kept")).toBe(await prisma.chunk.count({ where: { projectId, keep: true } }));
    const reasons = total.droppedChunks.map((r: { reason: string }) => r.reason);
    const navReason = (await prisma.chunk.findFirstOrThrow({ where: { projectId, document: { filename: "nav.md" } } })).dropReason;
    expect(reasons).toContain(navReason);
    expect(reasons).toContain("exact_duplicate");
    expect(total.failedDocuments.map((f: { code: string }) => f.code).sort()).toEqual(["binary_content", "corrupt_pdf", "encrypted_pdf", "unsafe_entry_name", "zip_limits"]);
    expect(res.body.disciplines.map((d: { discipline: string }) => d.discipline)).toEqual(["economics", "general", "microbiology"]);
  });

  it("is idempotent: processing again changes nothing", async () => {
    const before = await prisma.chunk.findMany({ where: { projectId }, orderBy: { id: "asc" }, select: { id: true, keep: true, dropReason: true } });
    const res = await callRoute(processRoute.POST, "POST", { token, params: { projectId } });
    expect(res.status).toBe(202);
    expect((await waitForJob(prisma, res.body.job.id, 30_000)).status).toBe("completed");
    const after = await prisma.chunk.findMany({ where: { projectId }, orderBy: { id: "asc" }, select: { id: true, keep: true, dropReason: true } });
    expect(after).toEqual(before);
  });

  it("refuses an upload over the size limit, a viewer, and a bad discipline without touching stored documents", async () => {
    const snapshot = await prisma.document.findMany({ where: { projectId }, orderBy: { id: "asc" } });
    // The web env is parsed once and cached; lower the limit on the parsed object for this test.
    const { webEnv } = await import("../src/server/env.ts");
    const env = webEnv() as { PRODA_MAX_UPLOAD_BYTES: number };
    const previous = env.PRODA_MAX_UPLOAD_BYTES;
    env.PRODA_MAX_UPLOAD_BYTES = 1000;
    try {
      const big = await upload([["big.txt", "word ".repeat(1000)], ["small.txt", `${ECONOMICS.slice(0, 500)} tiny`]]);
      expect(big.body.results.map((r: { name: string; status: string; error?: { code: string } }) => [r.name, r.status, r.error?.code])).toEqual([
        ["big.txt", "rejected", "payload_too_large"],
        ["small.txt", "accepted", undefined],
      ]);
    } finally {
      env.PRODA_MAX_UPLOAD_BYTES = previous;
    }
    const viewer = await createProjectWithRoles(prisma, ["viewer"]);
    const denied = await upload([["x.txt", "hello"]], {}, viewer.members.owner.token.replace(/./, "x"));
    expect(denied.status).toBe(401);
    const badDiscipline = await upload([["y.txt", ECONOMICS]], { discipline: "../../etc" });
    expect(badDiscipline.status).toBe(400);
    const after = await prisma.document.findMany({ where: { projectId, filename: { not: "small.txt" } }, orderBy: { id: "asc" } });
    expect(after).toEqual(snapshot);
  });

  it("answers 400 to an upload whose body breaks off, keeping the whole file sent before it", async () => {
    const boundary = "----proda-interrupted";
    const whole = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="economics/whole.txt"\r\nContent-Type: text/plain\r\n\r\n${ECONOMICS.slice(0, 800)} whole\r\n`;
    const cut = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="economics/cut.txt"\r\nContent-Type: text/plain\r\n\r\nThe first words of a file that never`;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(whole + cut));
        setTimeout(() => controller.error(new Error("client went away")), 50);
      },
    });
    const req = new Request("http://localhost/x", {
      method: "POST", body, duplex: "half",
      headers: { authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${boundary}` },
    } as RequestInit);
    const res = await documents.POST(req, { params: Promise.resolve({ projectId }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/interrupted/);
    const names = (await prisma.document.findMany({ where: { projectId, filename: { in: ["whole.txt", "cut.txt"] } } })).map((d) => d.filename);
    expect(names).toEqual(["whole.txt"]);
  });

  it("shows a document with its text and chunk offsets", async () => {
    const growth = await docByName("growth.md");
    const res = await callRoute(documentRoute.GET, "GET", { token, params: { projectId, documentId: growth.id } });
    expect(res.status).toBe(200);
    expect(res.body.text).toBe(growth.text);
    for (const c of res.body.chunks) expect(c.end).toBeGreaterThan(c.start);
    const other = await createProjectWithRoles(prisma, ["owner"]);
    const hidden = await callRoute(documentRoute.GET, "GET", { token: other.members.owner.token, params: { projectId, documentId: growth.id } });
    expect(hidden.status).toBe(404);
  });
});
