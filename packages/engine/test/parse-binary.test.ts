import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ParseError, parseDocument } from "../src/index.ts";
import { buildDocx } from "./helpers/docx.ts";
import { buildPdf } from "./helpers/pdf.ts";

async function parseError(promise: Promise<unknown>): Promise<ParseError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  return error as ParseError;
}

describe("pdf", () => {
  const pdf = buildPdf(
    [{ lines: ["Photosynthesis converts light energy (in chloroplasts).", "It produces glucose and oxygen."] }, { lines: ["Page two: the Calvin cycle."] }],
    { title: "Plant Biology" },
  );

  it("extracts the text of every page, pages separated by a blank line", async () => {
    const parsed = await parseDocument({ bytes: pdf, filename: "bio.pdf" });
    expect(parsed.format).toBe("pdf");
    expect(parsed.text).toBe("Photosynthesis converts light energy (in chloroplasts).\nIt produces glucose and oxygen.\n\nPage two: the Calvin cycle.");
    expect(parsed.title).toBe("Plant Biology");
    expect(parsed.metadata).toMatchObject({ pages: 2 });
    expect(parsed.warnings).toEqual([]);
  });

  it("does not detach the caller's buffer", async () => {
    const bytes = buildPdf([{ lines: ["Reusable bytes stay readable."] }]);
    await parseDocument({ bytes, filename: "a.pdf" });
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect((await parseDocument({ bytes, filename: "a.pdf" })).text).toBe("Reusable bytes stay readable.");
  });

  it("rejects truncated and garbage PDFs as corrupt", async () => {
    for (const bytes of [pdf.slice(0, Math.floor(pdf.length * 0.5)), new TextEncoder().encode("%PDF-1.4\nnot really"), new TextEncoder().encode("plain text")]) {
      expect((await parseError(parseDocument({ bytes, filename: "bad.pdf" }))).code).toBe("corrupt_pdf");
    }
  });

  it("rejects a password-protected PDF (fixture made with qpdf --encrypt user owner 256)", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("./fixtures/encrypted.pdf", import.meta.url)));
    const error = await parseError(parseDocument({ bytes, filename: "secret.pdf" }));
    expect(error.code).toBe("encrypted_pdf");
    expect(error.message).toBe("The PDF is password-protected; remove the password and upload it again.");
  });

  it("rejects a scanned PDF with no text layer and says OCR is not supported", async () => {
    const error = await parseError(parseDocument({ bytes: buildPdf([{ drawingOnly: true }, { drawingOnly: true }]), filename: "scan.pdf" }));
    expect(error.code).toBe("no_text");
    expect(error.message).toMatch(/OCR is not supported/);
  });

  it("warns when some pages have no text", async () => {
    const lines = ["A page with a real text layer and enough characters to count as text."];
    const parsed = await parseDocument({ bytes: buildPdf([{ lines }, { drawingOnly: true }]), filename: "mixed.pdf" });
    expect(parsed.warnings.join(" ")).toMatch(/1 of 2 pages/);
  });
});

describe("docx", () => {
  it("keeps headings and table rows", async () => {
    const bytes = buildDocx({
      heading: "Market Structures",
      paragraphs: ["A monopoly has a single seller.", "Perfect competition has many sellers."],
      table: [
        ["Structure", "Sellers"],
        ["Monopoly", "One"],
        ["Oligopoly", "Few"],
      ],
    });
    const parsed = await parseDocument({ bytes, filename: "markets.docx" });
    expect(parsed.format).toBe("docx");
    expect(parsed.title).toBe("Market Structures");
    expect(parsed.text).toBe(
      "# Market Structures\n\nA monopoly has a single seller.\n\nPerfect competition has many sellers.\n\nStructure | Sellers\nMonopoly | One\nOligopoly | Few",
    );
  });

  it("rejects a corrupt docx", async () => {
    for (const bytes of [new TextEncoder().encode("not a zip at all"), buildDocx({ heading: "x", paragraphs: [], table: [] }).subarray(0, 100)]) {
      expect((await parseError(parseDocument({ bytes, filename: "broken.docx" }))).code).toBe("corrupt_docx");
    }
  });
});

describe("html", () => {
  const html = `<!doctype html><html><head><title>Cell Biology &amp; Genetics</title><style>body{color:red}</style>
    <script>var tracking = "should not appear";</script></head>
    <body><header><a href="/">Home</a> <a href="/about">About</a></header>
    <nav><ul><li><a href="/a">Menu A</a></li><li>Menu B</li></ul></nav>
    <main><h1>The Cell</h1><p>The <a href="https://example.org/membrane">cell membrane</a> controls what enters.</p>
    <img src="x.png" alt="decorative picture"><h2>Organelles</h2><p>Mitochondria make ATP.</p>
    <table><tr><th>Organelle</th><th>Role</th></tr><tr><td>Ribosome</td><td>Protein synthesis</td></tr></table></main>
    <footer>© 2024 Example. All rights reserved.</footer></body></html>`;

  it("keeps content, headings and tables; drops chrome, scripts, link targets and images", async () => {
    const parsed = await parseDocument({ bytes: new TextEncoder().encode(html), filename: "page.html" });
    expect(parsed.title).toBe("Cell Biology & Genetics");
    expect(parsed.text).toBe(
      "# The Cell\n\nThe cell membrane controls what enters.\n\n## Organelles\n\nMitochondria make ATP.\n\nOrganelle | Role\nRibosome | Protein synthesis",
    );
  });

  it("uses the h1 when there is no title, and honours a declared charset", async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('<meta charset="iso-8859-1"><h1>Caf'), 0xe9, ...new TextEncoder().encode("</h1><p>Na"), 0xef, ...new TextEncoder().encode("ve.</p>")]);
    const parsed = await parseDocument({ bytes: latin1, filename: "page.htm" });
    expect(parsed.title).toBe("Café");
    expect(parsed.text).toBe("# Café\n\nNaïve.");
  });

  it("rejects a page with no readable text", async () => {
    const error = await parseError(parseDocument({ bytes: new TextEncoder().encode("<nav>Menu</nav><script>x()</script>"), filename: "empty.html" }));
    expect(error.code).toBe("no_text");
  });
});
