import { describe, expect, it } from "vitest";
import { ParseError, parseDocument, parseJsonRecords } from "../src/index.ts";

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));

function catchParse(fn: () => unknown): ParseError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    return error as ParseError;
  }
  throw new Error("expected a ParseError");
}

describe("json", () => {
  const articles = [
    { id: "a1", title: "Inflation", body: { text: "Inflation is a general rise in prices." }, sections: [{ content: "Measured by the CPI." }, { content: "Also by the GDP deflator." }] },
    { id: "a2", title: "Unemployment", body: { text: "Unemployment counts people seeking work." }, sections: [] },
  ];

  it("joins the chosen fields of every record into one document", async () => {
    const parsed = await parseDocument({ bytes: bytes(articles), filename: "articles.json", options: { jsonTextFields: ["body.text", "sections[].content"] } });
    expect(parsed.format).toBe("json");
    expect(parsed.metadata).toEqual({ records: 2 });
    expect(parsed.text).toBe(
      "Inflation is a general rise in prices.\n\nMeasured by the CPI.\n\nAlso by the GDP deflator.\n\nUnemployment counts people seeking work.",
    );
  });

  it("returns one record each, with scalar fields as metadata", () => {
    const { records, warnings } = parseJsonRecords({ bytes: bytes(articles), filename: "articles.json", textFields: ["body.text"] });
    expect(warnings).toEqual([]);
    expect(records).toEqual([
      { text: "Inflation is a general rise in prices.", metadata: { record: 0, id: "a1", title: "Inflation" } },
      { text: "Unemployment counts people seeking work.", metadata: { record: 1, id: "a2", title: "Unemployment" } },
    ]);
  });

  it("uses a text/content/body field when none is named, and accepts arrays of strings", () => {
    expect(parseJsonRecords({ bytes: bytes({ content: "Only one object." }), filename: "one.json" }).records[0]!.text).toBe("Only one object.");
    expect(parseJsonRecords({ bytes: bytes(["first", "second"]), filename: "list.json" }).records.map((r) => r.text)).toEqual(["first", "second"]);
  });

  it("lists the available keys when the fields are missing", () => {
    const error = catchParse(() => parseJsonRecords({ bytes: bytes(articles), filename: "articles.json", textFields: ["abstract"] }));
    expect(error.code).toBe("json_field_missing");
    expect(error.message).toContain("id, title, body, sections");
    const unnamed = catchParse(() => parseJsonRecords({ bytes: bytes([{ id: 1, summary: "x" }]), filename: "x.json" }));
    expect(unnamed.code).toBe("json_field_missing");
    expect(unnamed.message).toContain("id, summary");
  });

  it("skips records without text, with a warning", () => {
    const { records, warnings } = parseJsonRecords({ bytes: bytes(articles), filename: "a.json", textFields: ["sections.content"] });
    expect(records).toHaveLength(1);
    expect(warnings[0]).toMatch(/1 of 2 records/);
  });

  it("reports invalid JSON with its line", () => {
    const error = catchParse(() => parseJsonRecords({ bytes: bytes('[\n  {"text": "a"},\n  {"text": }\n]'), filename: "bad.json" }));
    expect(error.code).toBe("invalid_json");
    expect(error.message).toMatch(/line 3/);
  });
});

describe("jsonl", () => {
  const lines = ['{"text": "First line record.", "lang": "en"}', "", '{"text": "Second record.", "lang": "en"}'].join("\n");

  it("reads one record per line, skipping blank lines", async () => {
    const parsed = await parseDocument({ bytes: bytes(lines), filename: "data.jsonl", options: { jsonTextFields: ["text"] } });
    expect(parsed).toMatchObject({ format: "jsonl", text: "First line record.\n\nSecond record.", metadata: { records: 2 } });
    const { records } = parseJsonRecords({ bytes: bytes(lines), filename: "data.jsonl", textFields: ["text"] });
    expect(records.map((r) => r.metadata)).toEqual([
      { line: 1, lang: "en" },
      { line: 3, lang: "en" },
    ]);
  });

  it("names the line that is not JSON", () => {
    const error = catchParse(() => parseJsonRecords({ bytes: bytes('{"text": "ok"}\n{"text": "ok"}\n{oops}\n'), filename: "data.jsonl" }));
    expect(error.code).toBe("invalid_json");
    expect(error.message).toMatch(/^Line 3 /);
    expect(error.details).toEqual({ line: 3 });
  });
});

describe("json error offsets", () => {
  it("finds the first syntax error, and none in valid JSON", async () => {
    const { findJsonErrorOffset } = await import("../src/corpus/parse/json-error-offset.ts");
    const valid = [`{"a": [1, -2.5e3, true, null, "x\\"y"], "b": {}}`, "[]", ' "s" ', "0", JSON.stringify({ deep: [[[{ k: "v" }]]] }, null, 2)];
    for (const text of valid) expect(findJsonErrorOffset(text), text).toBeNull();
    expect(findJsonErrorOffset('{"a": }')).toBe(6);
    expect(findJsonErrorOffset("[1,2")).toBe(4);
    expect(findJsonErrorOffset("{oops}")).toBe(1);
    expect(findJsonErrorOffset('{"t": "x"} extra')).toBe(11);
    expect(findJsonErrorOffset('["unterminated')).toBe(14);
  });
});
