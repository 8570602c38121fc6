// Web security in the browser: the page's Content-Security-Policy carries a fresh nonce (no inline
// script without it), the API's policy allows no inline script at all, and untrusted text — a
// document's content, a model's answer, a question — is shown as text: planted <script> tags and
// inline handlers never run.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { seedHostileEvaluation } from "./fixtures/seed-evaluation";
import { seedUser } from "./fixtures/seed-user";
import { signIn } from "./fixtures/sign-in";
import { createProject } from "./fixtures/workbench";

const PASSWORD = "e2e-password-1234";
const randomSuffix = () => randomBytes(4).toString("hex");

/** Sets window.__xss when it runs: as a script, as an image error handler, as an SVG onload. */
const PAYLOAD = `<script>window.__xss = "script"</script><img src=x onerror="window.__xss='img'"><svg onload="window.__xss='svg'"></svg>`;

const PROSE = [
  "# Cell Membranes and Transport",
  `The plasma membrane separates the inside of a cell from its surroundings and controls what passes through it. ${PAYLOAD} Small nonpolar molecules such as oxygen and carbon dioxide diffuse across the lipid bilayer directly, moving from regions of higher concentration to regions of lower concentration without any energy input from the cell.`,
  "Larger or charged molecules need help. Channel proteins form pores that let specific ions pass, and carrier proteins change shape to move glucose and amino acids across the membrane. When a substance must move against its concentration gradient, the cell spends energy, usually in the form of ATP, to drive active transport through pumps such as the sodium–potassium pump.",
  "Cells also take in large particles by endocytosis, wrapping part of the membrane around the material to form a vesicle, and release substances by exocytosis when vesicles fuse with the membrane. Together these mechanisms keep the internal environment of the cell stable while allowing it to exchange matter with its surroundings.",
].join("\n\n");

async function expectNoScriptRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
}

test.describe("web security", () => {
  let email: string;

  test.beforeAll(async () => {
    email = `e2e-security-${randomSuffix()}@proda.test`;
    await seedUser({ email, password: PASSWORD, name: "Security Tester" });
  });

  test("pages carry a nonce-based CSP and the API a script-free one", async ({ page, request }) => {
    const response = await page.goto("/sign-in");
    const csp = response!.headers()["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response!.headers()["x-content-type-options"]).toBe("nosniff");
    // A fresh nonce for every page view.
    const again = await page.goto("/sign-in");
    expect(again!.headers()["content-security-policy"]).not.toBe(csp);
    // The page still works under it: the sign-in form is interactive (React hydrated).
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();

    const api = await request.get("/api/v1/health");
    const apiScripts = (api.headers()["content-security-policy"] ?? "").split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"));
    expect(apiScripts).toBe("script-src 'self'");
  });

  test("planted script payloads in a document and in a model answer never run", async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) blocked.push(message.text());
    });
    await signIn(page, email, PASSWORD);
    const { projectId, workbench, activity } = await createProject(page, `Security ${randomSuffix()}`);

    // A document whose text holds the payload: uploaded, processed and opened in the viewer.
    await activity.getByRole("button", { name: "1. Corpus" }).click();
    await workbench.getByTestId("corpus-file-input").setInputFiles([{ name: "membranes.md", mimeType: "text/markdown", buffer: Buffer.from(PROSE) }]);
    await workbench.getByRole("button", { name: "Upload 1 file" }).click();
    await expect(workbench.getByTestId("corpus-processing")).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
    await workbench.getByRole("tab", { name: "Documents" }).click();
    await workbench.getByRole("grid", { name: "Documents" }).getByTestId("corpus-document-row").filter({ hasText: "membranes.md" }).getByRole("button").click();
    const viewer = workbench.getByTestId("corpus-viewer");
    const text = viewer.getByRole("document", { name: "Parsed text" });
    await expect(text).toContainText('window.__xss = "script"');
    await expect(text).toContainText("onerror=");
    await expectNoScriptRan(page);
    expect(await viewer.locator("script, img[src='x'], svg[onload]").count()).toBe(0);

    // A model answer (and a question) holding the payload, shown in the evaluation's result detail.
    const seeded = await seedHostileEvaluation({ projectId, raw: `Let me think. ${PAYLOAD}\nAnswer: B`, question: `Which is true? ${PAYLOAD}` });
    await page.goto(`/projects/${projectId}/stages/evaluation?b=${seeded.benchmarkId}&e=${seeded.evaluationId}&tab=results&item=${seeded.itemId}`);
    const raw = page.getByTestId("evaluation-detail-raw");
    await expect(raw).toContainText("window.__xss = \"script\"");
    await expect(raw).toContainText("Answer: B");
    await expectNoScriptRan(page);
    expect(await page.locator("[data-testid='evaluation-detail-raw'] script, [data-testid='evaluation-detail-raw'] img").count()).toBe(0);
    await page.screenshot({ path: testInfo.outputPath("security.png"), fullPage: true });
    // Nothing was even attempted against the policy: the payloads stayed text.
    expect(blocked).toEqual([]);
  });
});
