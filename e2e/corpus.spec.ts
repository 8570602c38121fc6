// The Corpus stage in the browser: upload (one good section, an exact duplicate, an unsupported file
// and a page of navigation links), processing by the worker, the funnel, and the document viewer.
// The test database is reset per run, so the spec seeds its own user and project.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { seedUser } from "./fixtures/seed-user";
import { signIn } from "./fixtures/sign-in";
import { createProject } from "./fixtures/workbench";

const PASSWORD = "e2e-password-1234";
const PROCESSING_TIMEOUT = 60_000;

// A textbook-like section written for this test: a heading and several paragraphs of prose, so its
// chunks pass the quality filter.
const TEXTBOOK = [
  "# Opportunity Cost and the Choices People Make",
  "Every decision to use time, money or materials in one way is also a decision not to use them in another. Economists call the value of the best alternative that is given up the opportunity cost of the choice. When a student spends an evening studying for an examination, the opportunity cost is not measured in dollars but in the evening with friends, the shift at a part-time job, or the hours of sleep that the student did not enjoy. The idea is simple, yet it changes the way we think about prices, wages and the decisions of households and firms.",
  "Consider a small bakery that owns one oven. If the baker fills the oven with bread in the morning, the same oven cannot bake cakes at that time. The cost of the bread therefore includes the profit that the cakes would have earned. A careful owner compares the two uses and chooses the one that adds more to the business. Accountants record only the money that was actually paid, but a manager who ignores the alternatives may keep producing goods that are less valuable than the ones that could have been made instead.",
  "Governments face the same kind of trade-off on a much larger scale. A budget that spends more on roads has less to spend on schools or hospitals, unless taxes are raised or money is borrowed, and each of those choices has costs of its own. Citizens often disagree about public spending because they value the alternatives differently, not because one side has forgotten that resources are limited. Making the opportunity cost visible helps people understand what is really being decided.",
  "The concept also explains why people specialise. A doctor who is also a fast typist might still hire an assistant to write letters, because every hour spent typing is an hour not spent treating patients. Even if the doctor types more quickly than the assistant, the value of the medical work that would be lost is far greater than the wage that the assistant is paid. Specialisation and trade allow both of them to produce more than they could if each tried to do everything alone.",
  "Finally, opportunity cost reminds us that free goods are rare. A concert with no ticket price still costs the evening that it takes to attend, and a free sample in a shop costs the time spent waiting in the queue. When we learn to ask what else could have been done with the same resources, we begin to think like economists, and many puzzling choices in everyday life start to make sense.",
].join("\n\n");

// A site menu: short lines without sentence punctuation, dropped by the navigation rule.
const NAVIGATION = [
  "Home", "About us", "Contact us", "Our blog", "Careers at the company", "Pricing and plans", "All products", "Our services",
  "Help and support", "Log in", "Sign up for free", "For partners", "In the press", "Upcoming events", "Get the newsletter",
  "Read the docs", "System status", "Security at a glance", "Back to top", "Terms of use", "Go to the shop", "Your cart",
  "My account", "Track an order", "Returns and refunds", "Shipping to you", "Buy a gift card", "Find a store", "Jobs with us",
  "For investors", "Meet the team", "What we value", "Our history", "Awards we won", "Get the media kit", "Join the community",
  "Ask in the forum", "Help centre", "Accessibility at work", "Give us feedback", "Site map", "Change the language",
].join("\n");

const randomSuffix = () => randomBytes(4).toString("hex");

const file = (name: string, content: string, mimeType = "text/markdown") => ({ name, mimeType, buffer: Buffer.from(content) });

test.describe("corpus", () => {
  let email: string;

  test.beforeAll(async () => {
    email = `e2e-corpus-${randomSuffix()}@proda.test`;
    await seedUser({ email, password: PASSWORD, name: "Corpus Tester" });
  });

  test("uploads, processes, shows the funnel and highlights chunks", async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await signIn(page, email, PASSWORD);

    const name = `Corpus ${randomSuffix()}`;
    const { workbench, activity } = await createProject(page, name);
    await activity.getByRole("button", { name: "1. Corpus" }).click();
    await expect(page).toHaveURL(/\/stages\/corpus$/);
    await expect(workbench.getByText("No documents yet")).toBeVisible();

    // First upload: the good section, the navigation page and an unsupported file.
    const input = workbench.getByTestId("corpus-file-input");
    await input.setInputFiles([
      file("opportunity-cost.md", TEXTBOOK),
      file("nav.md", NAVIGATION),
      file("notes.exe", "MZ\u0090\u0000 not a document", "application/octet-stream"),
    ]);
    await expect(workbench.getByText(/^3 files selected/)).toBeVisible();
    await expect(workbench.getByLabel("Process after upload")).toBeChecked();
    await workbench.getByRole("button", { name: "Upload 3 files" }).click();

    const uploads = workbench.getByRole("list", { name: "Uploaded files" });
    const row = (fileName: string) => uploads.getByTestId("upload-row").filter({ hasText: fileName });
    await expect(row("opportunity-cost.md")).toHaveAttribute("data-state", "accepted", { timeout: 30_000 });
    await expect(row("nav.md")).toHaveAttribute("data-state", "accepted");
    await expect(row("notes.exe")).toHaveAttribute("data-state", "rejected");
    await expect(row("notes.exe")).toContainText("Unsupported file type");

    // Processing starts by itself and is followed until the worker finishes.
    const processing = workbench.getByTestId("corpus-processing");
    await expect(processing).toHaveAttribute("data-status", "completed", { timeout: PROCESSING_TIMEOUT });

    // Second upload: the same bytes under another name are recognised as a duplicate.
    await input.setInputFiles([file("opportunity-cost-copy.md", TEXTBOOK)]);
    await workbench.getByRole("button", { name: "Upload 1 file" }).click();
    await expect(row("opportunity-cost-copy.md")).toHaveAttribute("data-state", "duplicate", { timeout: 30_000 });
    await expect(row("opportunity-cost-copy.md")).toContainText("Already in the corpus");

    // The funnel: two documents, both parsed, their chunks, the kept ones and why the rest were dropped.
    await workbench.getByRole("tab", { name: "Funnel" }).click();
    const funnel = workbench.getByTestId("corpus-funnel");
    await expect(funnel.getByTestId("funnel-documents")).toHaveText("2");
    await expect(funnel.getByTestId("funnel-parsed")).toHaveText("2");
    await expect(funnel.getByTestId("funnel-chunks")).toHaveText(/^[1-9]\d*$/);
    await expect(funnel.getByTestId("funnel-kept")).toHaveText(/^[1-9]\d*$/);
    const reasons = workbench.getByTestId("corpus-drop-reasons");
    await expect(reasons.getByRole("listitem").first()).toBeVisible();
    await expect(reasons).toContainText("Navigation or menu text");

    // The viewer: the good document's text with its kept chunks highlighted, beside the chunk list.
    await workbench.getByRole("tab", { name: "Documents" }).click();
    const documents = workbench.getByRole("grid", { name: "Documents" });
    await documents.getByTestId("corpus-document-row").filter({ hasText: "opportunity-cost.md" }).getByRole("button").click();
    const viewer = workbench.getByTestId("corpus-viewer");
    await expect(viewer.getByRole("heading", { name: "Opportunity Cost and the Choices People Make" })).toBeVisible();
    const text = viewer.getByRole("document", { name: "Parsed text" });
    await expect(text).toContainText("Economists call the value of the best alternative");
    await expect(text.locator('[data-kept="true"]').first()).toBeVisible();
    const chunks = viewer.getByRole("listbox", { name: "Chunks" });
    await expect(chunks.getByRole("option").first()).toContainText("kept");
    // Choosing a chunk selects it and scrolls the text to where it starts.
    await chunks.getByRole("option").last().click();
    await expect(chunks.getByRole("option").last()).toHaveAttribute("aria-selected", "true");

    await page.keyboard.press("ControlOrMeta+j"); // hide the bottom panel for the screenshot
    const path = testInfo.outputPath("corpus.png");
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach("corpus", { path, contentType: "image/png" });

    // Escape closes the viewer and returns to the table.
    await page.keyboard.press("Escape");
    await expect(documents).toBeVisible();
  });
});
