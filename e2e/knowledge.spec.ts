// The Knowledge stage in the browser: a textbook-like section is uploaded and processed, an
// extraction runs with the builtin (offline) provider, and the resulting version is read: the
// quality report, a concept search and its details, a chain in the chain view (React Flow) and the
// neighbourhood explorer. The test database is reset per run, so the spec seeds its own user.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { seedUser } from "./fixtures/seed-user";
import { signIn } from "./fixtures/sign-in";
import { createProject } from "./fixtures/workbench";

const PASSWORD = "e2e-password-1234";
const PROCESSING_TIMEOUT = 60_000;
const EXTRACTION_TIMEOUT = 120_000;

// Written for this test: a bold defined term, an "X is a Y" sentence, and two causal runs the
// builtin extractor turns into chains (photosynthesis → glucose → respiration → ATP → contraction,
// and fermentation → lactic acid → fatigue), plus a negated statement.
const TEXTBOOK = [
  "# Energy in Living Cells",
  "**Photosynthesis** is the process by which green plants capture the energy of sunlight and store it in sugar. Chlorophyll is a pigment that absorbs red and blue light, and the chloroplast is a part of the leaf cell where the light is gathered.",
  "In the leaves, photosynthesis produces glucose from carbon dioxide and water. The glucose then drives cellular respiration in the cells of plants and animals. Cellular respiration generates ATP inside the mitochondria. ATP in turn enables muscle contraction and many other kinds of cellular work.",
  "Exercise increases the demand for ATP in muscle cells. When oxygen is scarce, fermentation replaces cellular respiration, and fermentation produces lactic acid. Lactic acid causes muscle fatigue during long periods of exercise. Rest reduces lactic acid in the muscles. Fermentation does not produce as much ATP as cellular respiration.",
].join("\n\n");

const randomSuffix = () => randomBytes(4).toString("hex");

test.describe("knowledge", () => {
  let email: string;

  test.beforeAll(async () => {
    email = `e2e-knowledge-${randomSuffix()}@proda.test`;
    await seedUser({ email, password: PASSWORD, name: "Knowledge Tester" });
  });

  test("extracts with the builtin provider and explores the version", async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    await signIn(page, email, PASSWORD);

    const { workbench, activity } = await createProject(page, `Knowledge ${randomSuffix()}`);

    // Before any corpus: the stage says what to do first.
    await activity.getByRole("button", { name: "2. Knowledge" }).click();
    await expect(page).toHaveURL(/\/stages\/knowledge$/);
    await expect(workbench.getByText("Process a corpus first")).toBeVisible();

    // Corpus: upload the section and let it be processed.
    await activity.getByRole("button", { name: "1. Corpus" }).click();
    await workbench.getByTestId("corpus-file-input").setInputFiles([{ name: "energy-in-cells.md", mimeType: "text/markdown", buffer: Buffer.from(TEXTBOOK) }]);
    await workbench.getByRole("button", { name: "Upload 1 file" }).click();
    await expect(workbench.getByTestId("corpus-processing")).toHaveAttribute("data-status", "completed", { timeout: PROCESSING_TIMEOUT });

    // Knowledge: the run form with the default provider and its dry-run estimate.
    await activity.getByRole("button", { name: "2. Knowledge" }).click();
    await expect(workbench.getByText("Run an extraction")).toBeVisible();
    const form = workbench.getByTestId("knowledge-run-form");
    await expect(form.getByLabel("Provider")).toContainText("builtin (offline)");
    const estimate = form.getByTestId("knowledge-estimate");
    await expect(estimate.locator('[data-figure="chunks"] dd')).toHaveText(/^[1-9]\d*$/);
    await expect(estimate.locator('[data-figure="cost"] dd')).toHaveText("free (offline)");
    await form.getByRole("button", { name: "Start extraction" }).click();

    // The run is followed until the version is ready.
    const run = workbench.getByTestId("knowledge-run");
    await expect(run).toBeVisible();
    await expect(run).toHaveAttribute("data-status", "ready", { timeout: EXTRACTION_TIMEOUT });

    // The quality report of the new version.
    const report = workbench.getByTestId("knowledge-report");
    await expect(report).toBeVisible();
    await expect(report.getByTestId("knowledge-report-concepts")).toHaveText(/^[1-9]\d*$/);
    await expect(report.getByTestId("knowledge-report-relations")).toHaveText(/^[1-9]\d*$/);
    await expect(report.getByTestId("knowledge-report-chains")).toHaveText(/^[1-9]\d*$/);
    await expect(report.getByTestId("knowledge-report-verified")).toHaveText(/%$/);
    await expect(report.getByTestId("knowledge-degree-histogram")).toBeVisible();

    // L1: search a concept and open its details.
    await workbench.getByRole("tab", { name: "L1 Concepts" }).click();
    await workbench.getByTestId("knowledge-concept-search").fill("gluc");
    const concepts = workbench.getByRole("grid", { name: "Concepts" });
    const glucose = concepts.getByRole("row").filter({ hasText: /glucose/i }).first();
    await expect(glucose).toBeVisible();
    await glucose.getByTestId("knowledge-concept-term").click();
    const detail = workbench.getByTestId("knowledge-concept-detail");
    await expect(detail.getByRole("heading", { name: /^glucose$/i })).toBeVisible();
    await expect(detail.getByTestId("knowledge-detail-outgoing")).toContainText("cellular respiration", { ignoreCase: true });
    await expect(detail.getByTestId("knowledge-detail-incoming")).toContainText("photosynthesis", { ignoreCase: true });
    await expect(detail.locator('mark[data-role="subject"]').first()).toBeVisible();
    await expect(detail.locator('mark[data-role="object"]').first()).toBeVisible();

    // An expert's correction, shown at once (and kept: it is saved and audited server-side).
    await detail.getByRole("button", { name: "Edit" }).click();
    await detail.getByLabel("Definition").fill("A simple sugar made by photosynthesis.");
    await detail.getByRole("button", { name: "Save" }).click();
    await expect(detail.getByText("A simple sugar made by photosynthesis.")).toBeVisible();
    await expect(glucose).toContainText("A simple sugar made by photosynthesis.");

    // L3: the chain through it, in the chain view.
    await detail.getByTestId("knowledge-detail-chains").getByRole("button").first().click();
    const chainView = workbench.getByTestId("knowledge-chain-view");
    await expect(chainView).toBeVisible();
    const flow = chainView.getByTestId("knowledge-chain-flow");
    await expect(flow.getByTestId("knowledge-chain-step")).toHaveCount(4);
    await expect(flow.getByTestId("knowledge-chain-concept").first()).toBeVisible();
    await expect(flow.locator(".react-flow__edge").first()).toBeAttached();
    const source = chainView.getByTestId("knowledge-chain-source");
    await expect(source).toContainText("photosynthesis produces glucose");
    // Choosing a step highlights its quote in the source text.
    await chainView.getByTestId("knowledge-chain-steps").getByRole("button").nth(1).click();
    await expect(source.locator("mark[data-selected]").first()).toContainText("drives cellular respiration");
    await expect(chainView.getByTestId("knowledge-chain-negatives")).toContainText("does not produce as much ATP");

    // Renaming the chain (inline, Enter saves).
    await chainView.getByRole("button", { name: "Rename" }).click();
    await chainView.getByLabel("Title").fill("From sunlight to muscle work");
    await page.keyboard.press("Enter");
    await expect(chainView.getByRole("heading", { name: "From sunlight to muscle work" })).toBeVisible();

    await page.keyboard.press("ControlOrMeta+j"); // hide the bottom panel for the screenshot
    const path = testInfo.outputPath("knowledge.png");
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach("knowledge", { path, contentType: "image/png" });

    // Back to the tables; the concept's neighbourhood in the explorer.
    await chainView.getByRole("button", { name: "Back" }).click();
    await expect(chainView).toBeHidden();
    await detail.getByRole("button", { name: "Explore neighbourhood" }).click();
    const explorer = workbench.getByTestId("knowledge-explorer");
    await expect(explorer.getByRole("heading", { name: /^Around glucose$/i })).toBeVisible();
    await expect(explorer.getByTestId("knowledge-graph-node").first()).toBeVisible();
    const oneHop = await explorer.getByTestId("knowledge-graph-node").count();
    expect(oneHop).toBeGreaterThanOrEqual(3);
    await explorer.getByRole("radio", { name: "2 hops" }).click();
    await expect.poll(() => explorer.getByTestId("knowledge-graph-node").count()).toBeGreaterThan(oneHop);
    // Clicking a neighbour recentres the graph on it.
    await explorer.getByTestId("knowledge-graph-node").filter({ hasText: /^cellular respiration$/i }).click();
    await expect(explorer.getByRole("heading", { name: /^Around cellular respiration$/i })).toBeVisible();

    // L2 from the keyboard: F2 edits the selected relation, Escape cancels and gives the grid back.
    await explorer.getByRole("button", { name: "Back" }).click();
    await workbench.getByRole("tab", { name: "L2 Relations" }).click();
    const relations = workbench.getByRole("grid", { name: "Relations" });
    const drives = relations.getByRole("row").filter({ hasText: "then drives" });
    await drives.getByRole("gridcell").nth(2).click(); // the discipline cell: selects the row
    await expect(drives).toHaveAttribute("aria-selected", "true");
    await relations.focus();
    await page.keyboard.press("F2");
    const editor = workbench.getByTestId("knowledge-row-editor");
    await expect(editor.getByLabel("Relation type")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(editor).toBeHidden();
    await expect(relations).toBeFocused();

    // A save the server refuses shows at once, then is undone with the reason.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/knowledge/versions/*/relations/*", async (route) => {
      if (route.request().method() !== "PATCH") return route.fallback();
      await held;
      await route.fulfill({ status: 409, json: { error: { code: "conflict", message: "Version 1 is extracting; only a ready version can be edited." } } });
    });
    await page.keyboard.press("F2");
    await editor.getByLabel("Predicate").fill("fuels");
    await page.keyboard.press("Enter");
    await expect(drives).toContainText("fuels");
    release();
    await expect(workbench.getByRole("alert").filter({ hasText: "only a ready version can be edited" })).toBeVisible();
    await expect(drives).not.toContainText("fuels");
    await page.unroute("**/knowledge/versions/*/relations/*");

    // A save that succeeds stays after a reload.
    await page.keyboard.press("F2");
    await editor.getByLabel("Predicate").fill("fuels");
    const saved = page.waitForResponse((response) => response.request().method() === "PATCH");
    await page.keyboard.press("Enter");
    expect((await saved).status()).toBe(200);
    await page.reload();
    await expect(workbench.getByRole("grid", { name: "Relations" }).getByRole("row").filter({ hasText: "The glucose then drives" })).toContainText("fuels");
  });
});
