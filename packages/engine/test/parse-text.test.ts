import { describe, expect, it } from "vitest";
import { ParseError, parseDocument, SUPPORTED_EXTENSIONS } from "../src/index.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, endian: "le" | "be", bom: boolean): Uint8Array {
  const bytes: number[] = bom ? (endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes.push(...(endian === "le" ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return new Uint8Array(bytes);
}

async function expectParseError(promise: Promise<unknown>, code: string): Promise<ParseError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  expect((error as ParseError).code).toBe(code);
  expect((error as ParseError).message.length).toBeGreaterThan(10);
  return error as ParseError;
}

describe("text decoding", () => {
  it("reads UTF-8 with and without a BOM", async () => {
    const plain = await parseDocument({ bytes: utf8("Café au lait, naïve résumé."), filename: "a.txt" });
    expect(plain).toMatchObject({ format: "txt", text: "Café au lait, naïve résumé.", warnings: [] });
    const bom = await parseDocument({ bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Hello world")]), filename: "a.txt" });
    expect(bom.text).toBe("Hello world");
  });

  it("reads UTF-16 LE and BE, with a BOM or by the NUL pattern", async () => {
    const text = "Enzymes lower the activation energy — Ωmega.";
    for (const endian of ["le", "be"] as const) {
      for (const bom of [true, false]) {
        const parsed = await parseDocument({ bytes: utf16(text, endian, bom), filename: "u.txt" });
        expect(parsed.text, `${endian} bom=${bom}`).toBe(text);
        expect(parsed.metadata.encoding).toBe(`utf-16${endian}`);
      }
    }
  });

  it("falls back to Windows-1252 for invalid UTF-8 and says so", async () => {
    // "Café – naïve" in Windows-1252: é = E9, – = 96, ï = EF.
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]);
    const parsed = await parseDocument({ bytes, filename: "latin.txt" });
    expect(parsed.text).toBe("Café – naïve");
    expect(parsed.metadata.encoding).toBe("windows-1252");
    expect(parsed.warnings.join(" ")).toMatch(/not valid UTF-8/);
  });

  it("normalises CRLF line endings", async () => {
    const parsed = await parseDocument({ bytes: utf8("one\r\ntwo\rthree"), filename: "a.txt" });
    expect(parsed.text).toBe("one\ntwo\nthree");
  });

  it("rejects empty and whitespace-only files", async () => {
    await expectParseError(parseDocument({ bytes: new Uint8Array(0), filename: "empty.txt" }), "empty");
    await expectParseError(parseDocument({ bytes: utf8("  \n\t \n"), filename: "blank.md" }), "empty");
  });

  it("rejects binary content behind a text extension", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const error = await expectParseError(parseDocument({ bytes: png, filename: "photo.txt" }), "binary_content");
    expect(error.message).toMatch(/PNG/);
    // No known signature: random bytes full of control characters.
    const noise = new Uint8Array(4096);
    let seed = 7;
    for (let i = 0; i < noise.length; i++) noise[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    await expectParseError(parseDocument({ bytes: noise, filename: "blob.md" }), "binary_content");
  });

  it("names the supported types for an unsupported one", async () => {
    const error = await expectParseError(parseDocument({ bytes: utf8("x"), filename: "slides.pptx" }), "unsupported_type");
    for (const ext of SUPPORTED_EXTENSIONS) expect(error.message).toContain(ext);
    await expectParseError(parseDocument({ bytes: utf8("x"), filename: "README" }), "unsupported_type");
  });
});

describe("markdown", () => {
  it("lifts YAML front matter into metadata and takes its title", async () => {
    const md = "---\ntitle: \"Supply and Demand\"\nchapter: 3\ntags: [micro, markets]\n---\n\n# Heading One\n\nBody text.\n";
    const parsed = await parseDocument({ bytes: utf8(md), filename: "doc.md" });
    expect(parsed.format).toBe("md");
    expect(parsed.title).toBe("Supply and Demand");
    expect(parsed.metadata).toMatchObject({ title: "Supply and Demand", chapter: 3, tags: ["micro", "markets"] });
    expect(parsed.text.startsWith("# Heading One")).toBe(true);
    expect(parsed.text).not.toContain("chapter:");
  });

  it("takes the title from the first heading when there is no front matter title", async () => {
    const parsed = await parseDocument({ bytes: utf8("Intro line\n\n## Cell Walls ##\n\ntext"), filename: "doc.markdown" });
    expect(parsed.title).toBe("Cell Walls");
    expect(parsed.metadata).toEqual({ encoding: "utf-8" });
  });

  it("keeps unreadable front matter as text with a warning", async () => {
    const parsed = await parseDocument({ bytes: utf8("---\ntitle: [unclosed\n---\nBody"), filename: "doc.md" });
    expect(parsed.text).toContain("Body");
    expect(parsed.warnings.join(" ")).toMatch(/front matter/);
  });

  it("treats a file with only front matter as empty", async () => {
    await expectParseError(parseDocument({ bytes: utf8("---\ntitle: Nothing\n---\n\n"), filename: "doc.md" }), "empty");
  });
});
