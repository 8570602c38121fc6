// The graph overview in the browser: the demo corpus's graph (uploaded and extracted through the API
// to save time; the Knowledge spec covers doing it by hand), and a synthetic 45k-concept discipline
// written straight into the database. Each is laid out by the worker from the "Compute layout"
// button, drawn on the canvas, recoloured (community, dataset coverage, evaluation failures), and a
// node is opened in the React Flow neighbourhood explorer, by keyboard and by a click.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { seedGraph } from "./fixtures/seed-graph";
import { seedUser } from "./fixtures/seed-user";
import { signIn } from "./fixtures/sign-in";

const PASSWORD = "e2e-password-1234";
// Playwright runs from the repository root (playwright.config.ts).
const DEMO_CORPUS = path.resolve("prisma/demo-corpus");

async function csrf(context: BrowserContext): Promise<Record<string, string>> {
  const cookie = (await context.cookies()).find((c) => c.name === "proda_csrf");
  return { "x-csrf-token": cookie?.value ?? "" };
}

async function waitForJob(request: APIRequestContext, jobId: string) {
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/jobs/${jobId}`)).json()) as { job: { status: string } }).job.status, { timeout: 120_000 })
    .toBe("completed");
}

/** A project with the demo corpus extracted by the builtin provider, made through the API. */
async function createDemoProject(page: Page): Promise<string> {
  const headers = await csrf(page.context());
  const created = await page.request.post("/api/v1/projects", { headers, data: { name: `Overview ${randomBytes(3).toString("hex")}` } });
  const projectId = ((await created.json()) as { project: { id: string } }).project.id;
  const form = new FormData();
  for (const discipline of readdirSync(DEMO_CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(path.join(DEMO_CORPUS, discipline.name)).filter((f) => f.endsWith(".md")).sort()) {
      form.append("files", new Blob([readFileSync(path.join(DEMO_CORPUS, discipline.name, file))]), `${discipline.name}/${file}`);
    }
  }
  const upload = await page.request.post(`/api/v1/projects/${projectId}/corpus/documents?process=true`, { headers, multipart: form });
  expect(upload.status()).toBe(201);
  await waitForJob(page.request, ((await upload.json()) as { jobId: string }).jobId);
  const run = await page.request.post(`/api/v1/projects/${projectId}/knowledge/versions`, { headers, data: {} });
  await waitForJob(page.request, ((await run.json()) as { version: { jobId: string } }).version.jobId);
  return projectId;
}

/** Computes the layout from the empty state and waits for the complete picture. */
async function computeAndDraw(page: Page, timeout: number) {
  const overview = page.getByTestId("graph-overview");
  await overview.getByRole("button", { name: "Compute layout" }).click();
  await expect(overview.getByTestId("graph-layout-progress")).toBeVisible();
  const canvas = overview.getByTestId("graph-overview-canvas");
  await expect(canvas).toBeVisible({ timeout });
  await expect(canvas).toHaveAttribute("data-first-frame-ms", /^\d+$/);
  await expect.poll(async () => Number(await canvas.getAttribute("data-complete-frames")), { timeout: 30_000 }).toBeGreaterThan(0);
  return canvas;
}

test.describe("graph overview", () => {
  let email: string;
  let userId: string;

  test.beforeAll(async () => {
    email = `e2e-graph-${randomBytes(4).toString("hex")}@proda.test`;
    userId = (await seedUser({ email, password: PASSWORD, name: "Graph Viewer" })).id;
  });

  test("draws the demo project's graph, switches colours and opens a neighbourhood from the keyboard", async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    await signIn(page, email, PASSWORD);
    const projectId = await createDemoProject(page);
    await page.goto(`/projects/${projectId}/stages/knowledge`);
    const workbench = page.getByTestId("workbench");
    // The totals come from a client-side fetch: once shown, the page is hydrated and clicks land.
    await expect(workbench.getByTestId("knowledge-totals")).toBeVisible();
    await workbench.getByTestId("graph-overview-toggle").click();
    await expect(page).toHaveURL(/graph=/);
    const canvas = await computeAndDraw(page, 60_000);
    const concepts = Number(await canvas.getAttribute("data-nodes"));
    expect(concepts).toBeGreaterThan(10);
    await expect(workbench.getByTestId("graph-overview-counts")).toContainText(`${concepts} concepts`);

    const legend = workbench.getByTestId("graph-overview-legend");
    await expect(legend).toContainText("Concept type");
    await workbench.getByTestId("graph-overview-mode").selectOption("community");
    await expect(legend).toContainText("Community 1");
    // No dataset or evaluation yet: the overlay modes say so.
    await workbench.getByTestId("graph-overview-mode").selectOption("coverage");
    await expect(workbench.getByText("No dataset version has been built from this knowledge version.")).toBeVisible();
    await workbench.getByTestId("graph-overview-mode").selectOption("community");

    // Keyboard: zoom, select the concept nearest the centre, open it.
    await canvas.focus();
    await page.keyboard.press("=");
    await page.keyboard.press(" ");
    const selection = workbench.getByTestId("graph-overview-selection");
    await expect(selection).toBeVisible();
    const term = (await selection.locator("p").first().innerText()).trim();
    const path = testInfo.outputPath("graph-overview-demo.png");
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach("graph-overview-demo", { path, contentType: "image/png" });
    await page.keyboard.press("Enter");
    const explorer = workbench.getByTestId("knowledge-explorer");
    await expect(explorer.getByRole("heading", { name: `Around ${term}` })).toBeVisible();
    await expect(explorer.getByTestId("knowledge-graph-node").first()).toBeVisible();
    // Back returns to the overview as it was.
    await explorer.getByRole("button", { name: "Back" }).click();
    await expect(canvas).toBeVisible();
    await expect(canvas).toHaveAttribute("data-selected", /.+/);
  });

  test("draws a synthetic 45k-concept discipline with coverage and failure overlays, and opens a node on click", async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    const graph = await seedGraph({ userId, concepts: 45_000 });
    await signIn(page, email, PASSWORD);
    await page.goto(`/projects/${graph.projectId}/stages/knowledge?graph=`);
    const workbench = page.getByTestId("workbench");
    const canvas = await computeAndDraw(page, 180_000);
    await expect(canvas).toHaveAttribute("data-nodes", "45000");
    await expect(workbench.getByTestId("graph-overview-counts")).toContainText("45,000 concepts");

    const legend = workbench.getByTestId("graph-overview-legend");
    const mode = workbench.getByTestId("graph-overview-mode");
    await mode.selectOption("coverage");
    await expect(workbench.getByTestId("graph-overview-source")).toContainText("Synthetic V1");
    // Every third relation is taught: most concepts sit in the middle buckets, none in "No data".
    await expect(legend).toContainText("Dataset coverage");
    await expect(legend.getByRole("listitem").filter({ hasText: "30–40 %" })).toContainText(/[1-9]/);
    await mode.selectOption("failure");
    await expect(legend.getByRole("listitem").filter({ hasText: "Not tested" })).toContainText("44,700");
    await expect(legend.getByRole("listitem").filter({ hasText: "90–100 %" })).toContainText("150");

    // Search-to-zoom centres the hub; a click on the centre opens its neighbourhood.
    await workbench.getByTestId("graph-overview-search").fill(graph.hubTerm);
    await workbench.getByRole("listbox", { name: "Matching concepts" }).getByRole("option", { name: new RegExp(`^${graph.hubTerm}`) }).click();
    await expect(workbench.getByTestId("graph-overview-selection")).toContainText(graph.hubTerm);
    // Settled: the zoom animation is over and the full picture for the new camera is on screen.
    await expect(canvas).toHaveAttribute("data-settled", "true", { timeout: 30_000 });
    // The hub is at the centre of the canvas: make sure nothing (the bottom panel) covers that point.
    await canvas.scrollIntoViewIfNeeded();
    const centre = async () => {
      const box = (await canvas.boundingBox())!;
      return [box.x + box.width / 2, box.y + box.height / 2] as const;
    };
    const onCanvas = async () => page.evaluate(([x, y]) => !!document.elementFromPoint(x, y)?.closest("[data-testid=graph-overview-canvas]"), await centre());
    if (!(await onCanvas())) await page.keyboard.press("ControlOrMeta+j");
    await expect.poll(onCanvas).toBe(true);
    await expect(canvas).toHaveAttribute("data-settled", "true");
    const path = testInfo.outputPath("graph-overview-45k.png");
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach("graph-overview-45k", { path, contentType: "image/png" });
    const [x, y] = await centre();
    await page.mouse.click(x, y);
    await expect(workbench.getByTestId("knowledge-explorer").getByRole("heading", { name: `Around ${graph.hubTerm}` })).toBeVisible();
  });
});
