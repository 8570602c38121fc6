// The browser path through the IDE shell: sign in, create a project, land in its workbench, and the
// keyboard entry points. The test database is reset per run, so the spec seeds its own user.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { seedUser } from "./fixtures/seed-user";
import { signIn } from "./fixtures/sign-in";

const PASSWORD = "e2e-password-1234";
const STAGES = ["Corpus", "Knowledge", "Tester", "Builder", "Training", "Evaluation", "Debugger"];

const randomSuffix = () => randomBytes(4).toString("hex");

test.describe("workbench", () => {
  let email: string;

  test.beforeAll(async () => {
    email = `e2e-${randomSuffix()}@proda.test`;
    await seedUser({ email, password: PASSWORD, name: "E2E Tester" });
  });

  test("signs in, creates a project and opens its workbench", async ({ page }, testInfo) => {
    await signIn(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/projects$/);

    const name = `E2E ${randomSuffix()}`;
    await page.getByRole("button", { name: "New project" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New project" });
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    await dialog.getByLabel("Description", { exact: true }).fill("Created by the Playwright workbench spec.");
    await dialog.getByRole("button", { name: "Create", exact: true }).click();

    await expect(page).toHaveURL(/\/projects\/[^/]+$/);
    const workbench = page.getByTestId("workbench");
    await expect(workbench.getByRole("heading", { level: 1, name })).toBeVisible();
    const activityBar = workbench.getByRole("navigation", { name: "Activity bar" });
    await expect(activityBar).toBeVisible();
    for (const [index, stage] of STAGES.entries()) {
      await expect(activityBar.getByRole("button", { name: `${index + 1}. ${stage}` })).toBeVisible();
    }
    await expect(workbench.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
    await expect(workbench.getByRole("tab", { name: "Jobs" })).toBeVisible();

    // A stage opens as a second editor tab; with no knowledge yet it says what to do first.
    await activityBar.getByRole("button", { name: "3. Tester" }).click();
    await expect(page).toHaveURL(/\/stages\/tester$/);
    await expect(workbench.getByText("Extract knowledge first")).toBeVisible();
    await workbench.getByRole("tab", { name: "Overview" }).click();
    await expect(workbench.getByRole("heading", { level: 2, name })).toBeVisible();

    // Recompute statistics: enqueued, run by the worker, followed live until the numbers appear.
    await workbench.getByRole("button", { name: "Recompute statistics" }).click();
    await expect(workbench.getByTestId("stats-job")).toContainText("completed", { timeout: 30_000 });
    await expect(workbench.getByRole("term").filter({ hasText: "Members" })).toBeVisible();
    await expect(workbench.getByTestId("job-row").first()).toContainText("completed");

    const path = testInfo.outputPath("workbench.png");
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach("workbench", { path, contentType: "image/png" });
  });

  test("shows an error for a wrong password", async ({ page }) => {
    await signIn(page, email, "not-the-password", { expectProjects: false });
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("opens the command palette with Ctrl+Shift+P and closes it with Escape", async ({ page }) => {
    await signIn(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();

    await page.keyboard.press("ControlOrMeta+Shift+P");
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await expect(palette).toBeVisible();
    const input = palette.getByRole("combobox");
    await expect(input).toBeFocused();
    await input.pressSequentially("theme");
    await expect(palette.getByRole("option").first()).toContainText("theme");

    await page.keyboard.press("Escape");
    await expect(palette).toBeHidden();
  });
});
