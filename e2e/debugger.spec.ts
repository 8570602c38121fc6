// The Debugger and the closed loop in the browser, end to end on the offline path (builtin provider,
// builtin student): the demo corpus is uploaded, the whole loop run from the Debugger's Loop tab and
// followed to the end (timeline, V1 / V2 / control accuracies); then the V1 evaluation is diagnosed
// again, a failure's trace walked (item → chain → relations → concepts → chunks → training samples →
// diagnosis → patch), a diagnosis accepted from the trace and another rejected from the keyboard (the
// review counts follow), a patch planned with a live estimate and built (V2 and control), the loop's
// V1 / V2 / control comparison read, the lineage opened, and an external set imported (bad lines
// first).
import { randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { seedUser } from "./fixtures/seed-user";
import { signIn } from "./fixtures/sign-in";
import { createProject, uploadDemoCorpus } from "./fixtures/workbench";

const PASSWORD = "e2e-password-1234";
// extract → benchmark → V1 → train → evaluate → diagnose → patch → V2 + control → train ×2 → evaluate ×2.
const LOOP_TIMEOUT = 900_000;
const DIAGNOSIS_TIMEOUT = 120_000;
const BUILD_TIMEOUT = 120_000;

const randomSuffix = () => randomBytes(4).toString("hex");

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await page.keyboard.press("ControlOrMeta+j"); // hide the bottom panel for the screenshot
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
  await page.keyboard.press("ControlOrMeta+j");
}

const count = async (locator: Locator) => Number((await locator.innerText()).replace(/[^\d]/g, ""));

test.describe("debugger and the loop", () => {
  let email: string;

  test.beforeAll(async () => {
    email = `e2e-debugger-${randomSuffix()}@proda.test`;
    await seedUser({ email, password: PASSWORD, name: "Debugger Loop" });
  });

  test("runs the loop, walks a failure trace, reviews, patches and compares V1 / V2 / control", async ({ page }, testInfo) => {
    test.setTimeout(1_500_000);
    await signIn(page, email, PASSWORD);

    const studio = await createProject(page, `Debugger ${randomSuffix()}`);
    const { workbench, activity } = studio;

    // Before any evaluation: the Debugger says where to start.
    await activity.getByRole("button", { name: "7. Debugger" }).click();
    await expect(page).toHaveURL(/\/stages\/debugger$/);
    await expect(workbench.getByText("No finished evaluation to diagnose")).toBeVisible();

    // The demo corpus.
    await uploadDemoCorpus(studio);

    // The whole loop from the Loop tab, with its defaults (no knowledge yet: it extracts).
    await activity.getByRole("button", { name: "7. Debugger" }).click();
    await workbench.getByRole("tab", { name: /^Loop/ }).click();
    const loopForm = workbench.getByTestId("debugger-loop-form");
    await expect(loopForm.getByTestId("debugger-loop-patchBudget")).toHaveValue("1000");
    await loopForm.getByTestId("debugger-loop-start").click();
    const loop = workbench.getByTestId("debugger-loop");
    await expect(loop).toBeVisible();
    await expect(loop.getByTestId("debugger-loop-stage")).toHaveCount(9);
    await expect(loop).toHaveAttribute("data-status", /^(queued|running|succeeded)$/);
    await expect(loop).toHaveAttribute("data-status", "succeeded", { timeout: LOOP_TIMEOUT });
    for (const stage of await loop.getByTestId("debugger-loop-stage").all()) {
      await expect(stage).toHaveAttribute("data-status", /^(succeeded|skipped)$/);
    }
    const summary = loop.getByTestId("debugger-loop-summary");
    await expect(summary.getByTestId("debugger-loop-accuracy-v1")).toContainText("%");
    await expect(summary.getByTestId("debugger-loop-accuracy-v2")).toContainText("%");
    await expect(summary.getByTestId("debugger-loop-accuracy-control")).toContainText("%");
    await expect(loop.getByTestId("debugger-loop-artifacts").getByRole("link").first()).toBeVisible();
    await shoot(page, testInfo, "loop");

    // Diagnose V1's evaluation again (the loop diagnosed it once): a run of our own to review.
    await workbench.getByRole("tab", { name: /^Failures/ }).click();
    await expect(workbench.getByTestId("debugger-run-summary")).toBeVisible();
    await workbench.getByTestId("debugger-diagnose-open").click();
    const diagnose = page.getByRole("dialog", { name: "Diagnose failures" });
    await expect(diagnose.getByLabel("Judge")).toHaveValue("builtin");
    await diagnose.getByTestId("debugger-diagnose-form").getByRole("button", { name: "Diagnose failures" }).click();
    await expect(diagnose).toBeHidden();
    await expect(workbench.getByTestId("debugger-run")).toHaveAttribute("data-status", "ready", { timeout: DIAGNOSIS_TIMEOUT });
    await expect(workbench.getByTestId("debugger-count-failed")).not.toHaveText("0");
    await expect(workbench.getByTestId("debugger-kappa")).toContainText("κ");

    // A reasoning deficit when there is one: its nodes were all taught, so the trace shows the samples that taught them.
    const failures = workbench.getByRole("grid", { name: "Failures" });
    await expect(failures.getByTestId("debugger-failure-row").first()).toBeVisible();
    // No review yet and the builtin judge agrees with the structure: the count is what the filter finds.
    const deficit = (await count(workbench.getByTestId("debugger-count-reasoning_deficit"))) > 0;
    const label = deficit ? "reasoning_deficit" : "concept_gap";
    await workbench.getByTestId("debugger-class-filter").selectOption(label);
    await failures.locator(`[data-testid="debugger-failure-row"]:has([data-testid="debugger-class"][data-label="${label}"])`).first().getByTestId("debugger-failure-question").click();

    // The trace, step by step.
    const trace = workbench.getByTestId("debugger-trace");
    await expect(trace.getByTestId("debugger-trace-question")).not.toBeEmpty();
    await expect(trace.getByTestId("debugger-trace-item").locator('[data-gold="true"]').first()).toBeVisible();
    await expect(trace.getByTestId("debugger-trace-chain")).toBeVisible();
    await expect(trace.getByTestId("debugger-trace-relation").first()).toBeVisible();
    await expect(trace.getByTestId("debugger-trace-relation").first().getByTestId("debugger-taught-by")).toBeVisible();
    await expect(trace.getByTestId("debugger-trace-concept").first()).toBeVisible();
    await expect(trace.getByTestId("debugger-trace-chunk").first()).not.toBeEmpty();
    await expect(trace.getByTestId("debugger-trace-samples")).toBeVisible();
    if (deficit) await expect(trace.getByTestId("debugger-trace-sample").first()).toBeVisible();
    await expect(trace.getByTestId("debugger-trace-diagnosis").getByTestId("debugger-class")).toBeVisible();
    // The builtin judge writes its rationale from the structural evidence.
    await expect(trace.getByTestId("debugger-trace-judge")).toContainText(/structural/i);
    await expect(trace.getByTestId("debugger-trace-patch")).toBeVisible();

    // Accept from the trace: the row, the trace and the run's review counts follow.
    const accepted = workbench.getByTestId("debugger-review-accepted");
    const acceptedBefore = await count(accepted);
    await trace.getByTestId("debugger-review").getByLabel("Note").fill("Checked against the source chunk.");
    await trace.getByTestId("debugger-accept").click();
    await expect(trace.getByTestId("debugger-trace-diagnosis").getByTestId("debugger-review-state")).toHaveAttribute("data-review", "accepted");
    await expect(accepted).toHaveText(String(acceptedBefore + 1));
    await expect(workbench.getByTestId("debugger-reviewed")).toHaveAttribute("data-reviewed", /^[1-9]/);
    await shoot(page, testInfo, "trace");
    await trace.getByRole("button", { name: "Close" }).click();
    await expect(trace).toBeHidden();

    // From the keyboard: the next failure rejected with R.
    await workbench.getByTestId("debugger-class-filter").selectOption("");
    const rows = failures.getByTestId("debugger-failure-row");
    if ((await rows.count()) > 1) {
      const rejected = workbench.getByTestId("debugger-review-rejected");
      const rejectedBefore = await count(rejected);
      await failures.focus();
      await page.keyboard.press("Home");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("r");
      await expect(rejected).toHaveText(String(rejectedBefore + 1));
    }

    // The patch planner: a live estimate that follows the budget, then V2 and its control built.
    await workbench.getByRole("tab", { name: /^Patch/ }).click();
    const planner = workbench.getByTestId("debugger-patch-planner");
    await expect(planner.getByTestId("debugger-estimate-total")).not.toBeEmpty();
    await planner.getByTestId("debugger-patch-budget").fill("200");
    await expect(planner.getByTestId("debugger-estimate")).toContainText("200 patch");
    await expect(planner.getByTestId("debugger-estimate")).toHaveAttribute("aria-busy", "false");
    await planner.getByTestId("debugger-build-v2").click();
    const v2 = planner.getByTestId("debugger-patch-build").last();
    await expect(v2).toBeVisible();
    await expect(planner.getByTestId("debugger-patch-build")).toHaveCount(1);
    await expect(planner.getByTestId("debugger-control-build")).toHaveCount(1);
    await expect(v2).toHaveAttribute("data-status", /^(ready|frozen)$/, { timeout: BUILD_TIMEOUT });
    await expect(planner.getByTestId("debugger-control-build")).toHaveAttribute("data-status", /^(ready|frozen)$/, { timeout: BUILD_TIMEOUT });
    await expect(v2.getByTestId("debugger-open-builder")).toBeVisible();
    await shoot(page, testInfo, "patch");

    // The loop's comparison: V1 against V2 and the random control, item by item.
    await workbench.getByRole("tab", { name: /^Loop/ }).click();
    await workbench.getByTestId("debugger-loop-compare").click();
    const compare = workbench.getByTestId("debugger-compare");
    await expect(compare.getByTestId("debugger-compare-baseline")).toContainText("%");
    await expect(compare.getByTestId("debugger-compare-candidate")).toContainText("%");
    await expect(compare.getByTestId("debugger-compare-control")).toContainText("%");
    await expect(compare.getByTestId("debugger-compare-verdict")).toBeVisible();
    await expect(compare.getByTestId("debugger-compare-disciplines").locator("svg rect").first()).toBeAttached();
    await compare.getByTestId("debugger-compare-filter").selectOption("all");
    await expect(compare.getByTestId("debugger-compare-row").first()).toBeVisible();
    await shoot(page, testInfo, "compare");

    // Lineage from the Debugger: the artifacts around the diagnosed run.
    await workbench.getByTestId("lineage-open").first().click();
    const lineage = page.getByRole("dialog", { name: "Lineage" });
    await expect(lineage.getByTestId("debugger-lineage-node").first()).toBeVisible();
    expect(await lineage.getByTestId("debugger-lineage-node").count()).toBeGreaterThan(3);
    await expect(lineage.locator('[data-testid="debugger-lineage-node"][data-origin="true"]')).toHaveCount(1);
    await shoot(page, testInfo, "lineage");
    await lineage.getByRole("button", { name: "Close" }).click();
    await expect(lineage).toBeHidden();

    // An external set: a bad file is refused with its line numbers, a good one imported.
    await workbench.getByRole("tab", { name: /^External/ }).click();
    const sets = workbench.getByTestId("debugger-external-sets");
    const good = '{"question":"Which gas do plants absorb?","choices":["Oxygen","Carbon dioxide","Helium"],"answer":1}';
    await sets.getByTestId("debugger-external-file").setInputFiles({ name: "bad.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(`${good}\nnot json\n`) });
    await sets.getByTestId("debugger-external-import").click();
    await expect(sets.getByTestId("debugger-external-line-errors")).toContainText("2");
    await sets.getByTestId("debugger-external-file").setInputFiles({ name: "general.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(`${good}\n`) });
    await sets.getByTestId("debugger-external-import").click();
    await expect(sets.getByTestId("debugger-external-set-list")).toContainText("general");
  });
});
