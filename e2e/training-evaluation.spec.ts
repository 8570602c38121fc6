// Training and evaluation in the browser, end to end with the builtin (offline) provider and the
// builtin student: the demo corpus is uploaded and extracted, a benchmark built and frozen, a
// dataset version built and frozen through the contamination guard; then a builtin-student run is
// launched and followed to success (loss chart, log, registered model), the model evaluated on the
// benchmark (leaderboard, heatmap, summary, a result with the model's raw reply, export), and the
// model asked a question in the chat panel.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { seedUser } from "./fixtures/seed-user";
import { signIn } from "./fixtures/sign-in";
import { createProject, uploadDemoCorpus, extractKnowledge } from "./fixtures/workbench";

const PASSWORD = "e2e-password-1234";
const BUILD_TIMEOUT = 120_000;
const GUARD_TIMEOUT = 60_000;
const TRAINING_TIMEOUT = 180_000;
const EVALUATION_TIMEOUT = 180_000;

const randomSuffix = () => randomBytes(4).toString("hex");

test.describe("training and evaluation", () => {
  let email: string;

  test.beforeAll(async () => {
    email = `e2e-training-${randomSuffix()}@proda.test`;
    await seedUser({ email, password: PASSWORD, name: "Training Evaluation" });
  });

  test("trains the builtin student, evaluates it on a frozen benchmark, reads a result and chats with it", async ({ page }, testInfo) => {
    test.setTimeout(900_000);
    await signIn(page, email, PASSWORD);

    const studio = await createProject(page, `Training ${randomSuffix()}`);
    const { workbench, activity } = studio;

    // Before any dataset: Training says where to start.
    await activity.getByRole("button", { name: "5. Training" }).click();
    await expect(page).toHaveURL(/\/stages\/training$/);
    await expect(workbench.getByText("Freeze a dataset version first")).toBeVisible();

    // Corpus and knowledge.
    await uploadDemoCorpus(studio);
    await extractKnowledge(studio);

    // Tester: a benchmark with the default settings, frozen.
    await activity.getByRole("button", { name: "3. Tester" }).click();
    await workbench.getByTestId("benchmark-form").getByRole("button", { name: "Build benchmark" }).click();
    await expect(workbench.getByTestId("benchmark-run")).toHaveAttribute("data-status", "ready", { timeout: BUILD_TIMEOUT });
    await workbench.getByRole("button", { name: "Freeze", exact: true }).click();
    const freezeBenchmark = page.getByRole("dialog", { name: "Freeze benchmark #1?" });
    await freezeBenchmark.getByRole("button", { name: "Freeze benchmark" }).click();
    await expect(freezeBenchmark).toBeHidden();

    // Builder: V1, frozen through the contamination guard.
    await activity.getByRole("button", { name: "4. Builder" }).click();
    const datasetForm = workbench.getByTestId("dataset-form");
    await datasetForm.getByTestId("dataset-budget").fill("120");
    await datasetForm.getByRole("button", { name: "Build version" }).click();
    const datasetRun = workbench.getByTestId("dataset-run");
    await expect(datasetRun).toHaveAttribute("data-status", "ready", { timeout: BUILD_TIMEOUT });
    await workbench.getByRole("tab", { name: /^Contamination/ }).click();
    await workbench.getByTestId("dataset-guard").getByTestId("dataset-guard-freeze").click();
    const freezeDataset = page.getByRole("dialog", { name: "Freeze dataset V1?" });
    await freezeDataset.getByRole("button", { name: "Check and freeze" }).click();
    await expect(freezeDataset).toBeHidden();
    await expect(datasetRun).toHaveAttribute("data-status", "frozen", { timeout: GUARD_TIMEOUT });

    // Training: the launch form shows each backend's availability and the guard-cleared version.
    await activity.getByRole("button", { name: "5. Training" }).click();
    const trainingForm = workbench.getByTestId("training-form");
    const student = trainingForm.locator('[data-testid="training-backend"][data-backend="builtin-student"]');
    await expect(student).toHaveAttribute("data-available", "true");
    await expect(student.getByRole("radio")).toBeChecked();
    await expect(trainingForm.getByTestId("training-dataset")).toContainText("V1");
    await expect(trainingForm.getByTestId("training-dataset")).toContainText("guard passed");
    // Small batches: several steps, so the loss curve has more than one point.
    await trainingForm.locator('input[data-field="batchSize"]').fill("10");
    await trainingForm.getByRole("button", { name: "Start training" }).click();

    const run = workbench.getByTestId("training-run-detail");
    await expect(run).toBeVisible();
    await expect(run).toHaveAttribute("data-status", "succeeded", { timeout: TRAINING_TIMEOUT });
    await expect(run.getByTestId("training-gate")).toHaveAttribute("data-gate", "clean");
    await expect(run.getByTestId("training-loss-chart")).not.toHaveAttribute("data-points", "0");
    await expect(run.getByTestId("training-loss-chart").locator("svg path")).toHaveCount(1);
    await expect(run.getByTestId("training-run-loss")).not.toHaveText("—");
    await expect(run.getByTestId("training-log-line").first()).toBeVisible();
    await expect(run.getByTestId("training-run-model")).toBeVisible();
    await workbench.getByRole("tab", { name: /^All runs/ }).click();
    await expect(workbench.getByTestId("training-run-row").first()).toHaveAttribute("data-status", "succeeded");
    await workbench.getByRole("tab", { name: /^Run #1/ }).click();

    await page.keyboard.press("ControlOrMeta+j"); // hide the bottom panel for the screenshot
    const trainingShot = testInfo.outputPath("training.png");
    await page.screenshot({ path: trainingShot, fullPage: true });
    await testInfo.attach("training", { path: trainingShot, contentType: "image/png" });
    await page.keyboard.press("ControlOrMeta+j");

    // Evaluate the trained model: the link opens the form with it chosen.
    await run.getByTestId("training-run-model").getByRole("link", { name: "Evaluate this model" }).click();
    await expect(page).toHaveURL(/\/stages\/evaluation\?evaluate=/);
    const evaluationDialog = page.getByRole("dialog", { name: "New evaluation" });
    const evaluationForm = evaluationDialog.getByTestId("evaluation-form");
    await expect(evaluationForm.getByTestId("evaluation-model")).toContainText("Builtin student");
    await evaluationForm.getByRole("button", { name: "Start evaluation" }).click();
    await expect(evaluationDialog).toBeHidden();
    const evaluationRun = workbench.getByTestId("evaluation-run");
    await expect(evaluationRun).toHaveAttribute("data-status", /^(ready|frozen)$/, { timeout: EVALUATION_TIMEOUT });

    // Leaderboard and heatmap of the benchmark.
    const leaderboard = workbench.getByTestId("evaluation-leaderboard");
    await expect(leaderboard.getByTestId("evaluation-leaderboard-row")).toHaveCount(1);
    await expect(leaderboard.getByTestId("evaluation-leaderboard-row").first()).toContainText("%");
    await expect(leaderboard.getByTestId("evaluation-heat-cell").first()).toContainText("%");

    // The summary: accuracy and its breakdowns.
    await workbench.getByRole("tab", { name: /^Summary/ }).click();
    await expect(workbench.getByTestId("evaluation-accuracy")).toHaveText(/%$/);
    await expect(workbench.getByTestId("evaluation-by-level").getByRole("listitem").first()).toBeVisible();
    await expect(workbench.getByTestId("evaluation-by-operator").getByRole("listitem").first()).toBeVisible();

    // A result: the model's raw reply as text, the answer read from it beside the gold one.
    await workbench.getByRole("tab", { name: /^Results/ }).click();
    const results = workbench.getByRole("grid", { name: "Results" });
    await expect(results.getByTestId("evaluation-result-row").first()).toBeVisible();
    await results.getByTestId("evaluation-result-row").first().getByTestId("evaluation-result-question").click();
    const detail = workbench.getByTestId("evaluation-result-detail");
    await expect(detail.getByTestId("evaluation-detail-question")).not.toBeEmpty();
    await expect(detail.getByTestId("evaluation-detail-raw")).not.toBeEmpty();
    await expect(detail.getByTestId("evaluation-detail-parsed")).not.toBeEmpty();
    await expect(detail.locator('[data-testid="evaluation-option"][data-gold="true"]').first()).toBeVisible();

    // Only failures, then back.
    await workbench.getByTestId("evaluation-outcome-filter").selectOption("fail");
    await expect(results.or(workbench.getByText("No result matches"))).toBeVisible();
    await workbench.getByTestId("evaluation-outcome-filter").selectOption("");

    await page.keyboard.press("ControlOrMeta+j");
    const evaluationShot = testInfo.outputPath("evaluation.png");
    await page.screenshot({ path: evaluationShot, fullPage: true });
    await testInfo.attach("evaluation", { path: evaluationShot, contentType: "image/png" });
    await page.keyboard.press("ControlOrMeta+j");
    await detail.getByRole("button", { name: "Close" }).click();
    await expect(detail).toBeHidden();

    // Export: JSON Lines has one result per line with the raw reply.
    await workbench.getByRole("button", { name: "Export" }).click();
    const exportMenu = workbench.getByTestId("evaluation-export");
    await expect(exportMenu.locator("[data-export-format]")).toHaveCount(2);
    const downloading = page.waitForEvent("download");
    await exportMenu.locator('[data-export-format="jsonl"]').click();
    const lines = readFileSync((await (await downloading).path())!, "utf8").trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines[0]!)).toHaveProperty("raw");

    // The models registry lists the trained model.
    await workbench.getByRole("tab", { name: /^Models/ }).click();
    await expect(workbench.getByTestId("models-list").locator('[data-testid="model-row"][data-backend="builtin-student"]').first()).toBeVisible();

    // Chat with the trained model: the reply streams in as plain text, labelled as the student's.
    await page.getByRole("button", { name: "Toggle Model Chat" }).click();
    const chat = page.getByTestId("chat-panel");
    await expect(chat.getByTestId("chat-model")).toContainText("Builtin student");
    await chat.getByTestId("chat-input").fill("What happens in the process described in the corpus?");
    await chat.getByTestId("chat-input").press("Enter");
    const reply = chat.locator('[data-testid="chat-turn"][data-role="assistant"]').last();
    await expect(reply).toHaveAttribute("data-status", "done", { timeout: 30_000 });
    await expect(reply.getByTestId("chat-text")).toContainText("builtin student");
    await expect(chat.locator('[data-testid="chat-turn"][data-role="user"]')).toHaveCount(1);

    const chatShot = testInfo.outputPath("chat.png");
    await page.screenshot({ path: chatShot, fullPage: true });
    await testInfo.attach("chat", { path: chatShot, contentType: "image/png" });

    // Clear empties the conversation.
    await chat.getByRole("button", { name: "Clear conversation" }).click();
    await expect(chat.getByTestId("chat-turn")).toHaveCount(0);
  });
});
