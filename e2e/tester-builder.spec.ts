// The Tester and the Builder in the browser, end to end with the builtin (offline) provider: the
// demo corpus is uploaded and extracted, a benchmark is built, an item is read (each distractor
// beside the relation it perturbs), reviewed from the panel and from the keyboard, edited and the
// benchmark frozen and exported; then a dataset version is built from a recipe, its coverage and
// samples read, the contamination guard run (it passes: the build kept the frozen benchmark's text
// out), the version frozen, and a rebuild from its recipe compared with it (identical).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { seedUser } from "./fixtures/seed-user";
import { signIn } from "./fixtures/sign-in";
import { createProject, uploadDemoCorpus, extractKnowledge } from "./fixtures/workbench";

const PASSWORD = "e2e-password-1234";
const BUILD_TIMEOUT = 120_000;
const GUARD_TIMEOUT = 60_000;

const randomSuffix = () => randomBytes(4).toString("hex");

test.describe("tester and builder", () => {
  let email: string;

  test.beforeAll(async () => {
    email = `e2e-tester-${randomSuffix()}@proda.test`;
    await seedUser({ email, password: PASSWORD, name: "Tester Builder" });
  });

  test("builds, reviews and freezes a benchmark, then builds, checks and rebuilds a dataset", async ({ page }, testInfo) => {
    test.setTimeout(600_000);
    await signIn(page, email, PASSWORD);

    const studio = await createProject(page, `Tester ${randomSuffix()}`);
    const { workbench, activity } = studio;

    // Before any knowledge: the Tester says where to start.
    await activity.getByRole("button", { name: "3. Tester" }).click();
    await expect(page).toHaveURL(/\/stages\/tester$/);
    await expect(workbench.getByText("Extract knowledge first")).toBeVisible();

    // Corpus and knowledge: the demo corpus, extracted with the builtin provider.
    await uploadDemoCorpus(studio);
    await extractKnowledge(studio);

    // Tester: the first benchmark, with the default settings.
    await activity.getByRole("button", { name: "3. Tester" }).click();
    const benchmarkForm = workbench.getByTestId("benchmark-form");
    await expect(benchmarkForm.getByLabel("Knowledge version")).toContainText("Version 1");
    await benchmarkForm.getByRole("button", { name: "Build benchmark" }).click();
    const run = workbench.getByTestId("benchmark-run");
    await expect(run).toBeVisible();
    await expect(run).toHaveAttribute("data-status", "ready", { timeout: BUILD_TIMEOUT });

    // Its statistics: answer positions, length parity, the length-only guesser, counts.
    const stats = workbench.getByTestId("benchmark-stats");
    await expect(stats.getByTestId("benchmark-stats-items")).toHaveText(/^[1-9]\d*$/);
    await expect(stats.getByTestId("benchmark-position-histogram")).toBeVisible();
    await expect(stats.getByTestId("benchmark-parity-within")).toHaveText(/%$/);
    await expect(stats.getByTestId("benchmark-guesser")).toBeVisible();
    await expect(stats.getByTestId("benchmark-by-operator").getByRole("listitem").first()).toBeVisible();

    // The items; the first one's detail shows each distractor beside the relation it perturbs.
    await workbench.getByRole("tab", { name: /^Items/ }).click();
    const items = workbench.getByRole("grid", { name: "Items" });
    const rows = items.getByTestId("benchmark-item-row");
    await expect(rows.first()).toBeVisible();
    await rows.first().getByTestId("benchmark-item-question").click();
    const detail = workbench.getByTestId("benchmark-item-detail");
    await expect(detail.getByTestId("benchmark-detail-question")).not.toBeEmpty();
    const options = detail.getByTestId("benchmark-option");
    expect(await options.count()).toBeGreaterThanOrEqual(3);
    await expect(detail.locator('[data-testid="benchmark-option"][data-correct="true"]').first()).toBeVisible();
    const distractor = detail.locator('[data-testid="benchmark-option"][data-correct="false"]').first();
    await expect(distractor.getByTestId("benchmark-operator")).not.toBeEmpty();
    await expect(distractor.getByTestId("benchmark-changed")).not.toBeEmpty();
    await expect(distractor.getByTestId("benchmark-source-relation")).toBeVisible();
    await expect(detail.getByTestId("benchmark-detail-chain").getByRole("listitem").first()).toBeVisible();

    // Review from the panel: accept with a note, then edit the question.
    await detail.getByLabel("Note (optional)").fill("Checked against the source text.");
    await detail.getByRole("button", { name: "Accept" }).click();
    await expect(detail.locator('[data-review="accepted"]')).toBeVisible();
    await expect(rows.first().locator('[data-review="accepted"]')).toBeVisible();
    await expect(detail.getByTestId("benchmark-detail-review-note")).toContainText("Checked against the source text.");
    await detail.getByRole("button", { name: "Edit" }).click();
    const editForm = detail.getByTestId("benchmark-edit-form");
    await editForm.getByLabel("Question", { exact: true }).fill("Which of these statements about the process is true?");
    await editForm.getByRole("button", { name: "Save edit" }).click();
    await expect(detail.getByTestId("benchmark-detail-question")).toHaveText("Which of these statements about the process is true?");
    await expect(detail.locator('[data-review="edited"]')).toBeVisible();
    await expect(detail.getByTestId("benchmark-detail-original")).toBeVisible();
    await detail.getByRole("button", { name: "Close" }).click();
    await expect(detail).toBeHidden();

    // Review from the keyboard: the next item rejected with R.
    await expect(items).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(rows.nth(1)).toHaveAttribute("aria-selected", "true");
    const rejected = page.waitForResponse((response) => response.request().method() === "PATCH" && response.url().includes("/items/"));
    await page.keyboard.press("r");
    expect((await rejected).status()).toBe(200);
    await expect(rows.nth(1).locator('[data-review="rejected"]')).toBeVisible();

    await page.keyboard.press("ControlOrMeta+j"); // hide the bottom panel for the screenshot
    const testerShot = testInfo.outputPath("tester.png");
    await page.screenshot({ path: testerShot, fullPage: true });
    await testInfo.attach("tester", { path: testerShot, contentType: "image/png" });

    // Freeze, after a confirmation that says what it means; then reviews are over.
    await workbench.getByRole("button", { name: "Freeze", exact: true }).click();
    const freeze = page.getByRole("dialog", { name: "Freeze benchmark #1?" });
    await expect(freeze).toContainText("immutable");
    await freeze.getByRole("button", { name: "Freeze benchmark" }).click();
    await expect(freeze).toBeHidden();
    await expect(workbench.getByRole("button", { name: "Freeze", exact: true })).toBeHidden();
    await workbench.getByRole("tab", { name: /^All benchmarks/ }).click();
    await expect(workbench.getByTestId("benchmark-row").first()).toHaveAttribute("data-status", "frozen");

    // Export: three formats; the JSONL download has one item per line.
    await workbench.getByRole("button", { name: "Export" }).click();
    const exportMenu = workbench.getByTestId("benchmark-export");
    await expect(exportMenu.locator("[data-export-format]")).toHaveCount(3);
    const downloading = page.waitForEvent("download");
    await exportMenu.locator('[data-export-format="jsonl"]').click();
    const download = await downloading;
    const lines = readFileSync((await download.path())!, "utf8").trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    expect(() => JSON.parse(lines[0]!)).not.toThrow();

    // Builder: V1 from a recipe; the form shows the exact count of each question type.
    await activity.getByRole("button", { name: "4. Builder" }).click();
    await expect(page).toHaveURL(/\/stages\/builder$/);
    const datasetForm = workbench.getByTestId("dataset-form");
    await datasetForm.getByTestId("dataset-budget").fill("100");
    const count = (type: string) => datasetForm.locator(`[data-testid="dataset-type-count"][data-type="${type}"]`);
    await expect(count("relation_qa")).toHaveText("30 samples");
    await expect(count("multiple_choice")).toHaveText("10 samples");
    await datasetForm.getByRole("button", { name: "Build version" }).click();
    const datasetRun = workbench.getByTestId("dataset-run");
    await expect(datasetRun).toHaveAttribute("data-status", "ready", { timeout: BUILD_TIMEOUT });

    // Its overview: per-type targets and coverage, overall and per discipline.
    const overview = workbench.getByTestId("dataset-overview");
    await expect(overview.getByTestId("dataset-types")).toBeVisible();
    await expect(overview.getByTestId("dataset-coverage-concepts")).toContainText("%");
    await expect(overview.getByTestId("dataset-coverage-relations")).toContainText("%");
    await expect(overview.getByTestId("dataset-coverage-disciplines")).toContainText("economics");

    // A sample and its provenance.
    await workbench.getByRole("tab", { name: /^Samples/ }).click();
    const samples = workbench.getByRole("grid", { name: "Samples" });
    await samples.getByTestId("dataset-sample-row").first().getByRole("button").click();
    const sample = workbench.getByTestId("dataset-sample-detail");
    await expect(sample.getByTestId("dataset-sample-messages").getByRole("listitem").first()).toBeVisible();
    await expect(sample.getByTestId("dataset-sample-provenance")).toContainText("Concepts");
    await sample.getByRole("button", { name: "Close" }).click();

    // The contamination guard against the frozen benchmark: it passes.
    await workbench.getByRole("tab", { name: /^Contamination/ }).click();
    const guard = workbench.getByTestId("dataset-guard");
    await expect(guard.getByTestId("dataset-guard-form").getByRole("checkbox").first()).toBeChecked();
    await guard.getByRole("button", { name: "Run check" }).click();
    await expect(guard.getByTestId("dataset-guard-status")).toHaveAttribute("data-status", "passed", { timeout: GUARD_TIMEOUT });
    await expect(guard.getByTestId("dataset-guard-hits")).toContainText("No hit");

    await page.keyboard.press("ControlOrMeta+j"); // hide the bottom panel for the screenshot
    const builderShot = testInfo.outputPath("builder.png");
    await page.screenshot({ path: builderShot, fullPage: true });
    await testInfo.attach("builder", { path: builderShot, contentType: "image/png" });

    // Freeze: the guard runs again and the version is frozen when it passes.
    await guard.getByTestId("dataset-guard-freeze").click();
    const freezeDataset = page.getByRole("dialog", { name: "Freeze dataset V1?" });
    await freezeDataset.getByRole("button", { name: "Check and freeze" }).click();
    await expect(freezeDataset).toBeHidden();
    await expect(datasetRun).toHaveAttribute("data-status", "frozen", { timeout: GUARD_TIMEOUT });

    // Rebuilt from its recipe, V2 has exactly V1's samples.
    await workbench.getByRole("button", { name: "Rebuild from recipe" }).first().click();
    await expect(datasetRun).toHaveAttribute("data-status", "ready", { timeout: BUILD_TIMEOUT });
    await workbench.getByRole("tab", { name: /^Diff/ }).click();
    const diff = workbench.getByTestId("dataset-diff");
    await diff.getByLabel("Compare with").selectOption({ index: 1 }); // V1: the only other version
    await expect(diff.getByTestId("dataset-diff-added")).toHaveText("0");
    await expect(diff.getByTestId("dataset-diff-removed")).toHaveText("0");
    await expect(diff.getByTestId("dataset-diff-kept")).not.toHaveText("0");
  });
});
