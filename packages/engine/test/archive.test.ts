import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expandZip, ParseError, type TZipEntry } from "../src/index.ts";
import { buildZip, writeTempFile, writeTempZip } from "./helpers/zip.ts";

async function collect(path: string, limits = {}): Promise<TZipEntry[]> {
  const out: TZipEntry[] = [];
  for await (const entry of expandZip(path, limits)) out.push(entry);
  return out;
}

async function expectZipError(promise: Promise<unknown>, code: string, pattern?: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  expect((error as ParseError).code).toBe(code);
  if (pattern) expect((error as ParseError).message).toMatch(pattern);
}

const text = (entry: TZipEntry) => ("bytes" in entry ? new TextDecoder().decode(entry.bytes) : null);

describe("expandZip", () => {
  it("yields files (stored or deflated), skipping directories, __MACOSX and dot-files", async () => {
    const path = writeTempZip([
      { name: "notes/", data: "" },
      { name: "notes/cells.md", data: "# Cells\n\nAll living things are made of cells." },
      { name: "./notes//plain.txt", data: "stored entry", method: 0 },
      { name: "__MACOSX/notes/._cells.md", data: "resource fork" },
      { name: "notes/.DS_Store", data: "junk" },
    ]);
    const entries = await collect(path);
    expect(entries.map((e) => e.name)).toEqual(["notes/cells.md", "notes/plain.txt"]);
    expect(text(entries[0]!)).toBe("# Cells\n\nAll living things are made of cells.");
    expect(text(entries[1]!)).toBe("stored entry");
  });

  it("reports unsafe names, nested archives, unsupported types and symlinks per entry", async () => {
    const path = writeTempZip([
      { name: "../evil.txt", data: "escape" },
      { name: "/etc/passwd.txt", data: "absolute" },
      { name: "C:/windows.txt", data: "drive" },
      { name: "dir\\back.txt", data: "backslash" },
      { name: "inner.zip", data: buildZip([{ name: "a.txt", data: "a" }]) },
      { name: "photo.png", data: "png" },
      { name: "link.txt", data: "/etc/passwd", unixMode: 0o120777 },
      { name: "good.txt", data: "fine" },
    ]);
    const entries = await collect(path);
    const errors = Object.fromEntries(entries.filter((e) => "error" in e).map((e) => [e.name, (e as { error: ParseError }).error.code]));
    expect(errors).toEqual({
      "../evil.txt": "unsafe_entry_name",
      "/etc/passwd.txt": "unsafe_entry_name",
      "C:/windows.txt": "unsafe_entry_name",
      "dir\\back.txt": "unsafe_entry_name",
      "inner.zip": "unsupported_type",
      "photo.png": "unsupported_type",
      "link.txt": "unsupported_type",
    });
    expect(entries.filter((e) => "bytes" in e).map((e) => e.name)).toEqual(["good.txt"]);
  });

  it("aborts a zip bomb on the compression ratio while inflating", async () => {
    const path = writeTempZip([{ name: "zeros.txt", data: new Uint8Array(50 * 1024 * 1024) }]);
    await expectZipError(collect(path, { maxRatio: 100 }), "zip_limits", /compression ratio/);
  });

  it("aborts on the overall ratio when many small entries each stay under the per-entry check", async () => {
    const files = Array.from({ length: 20 }, (_, i) => ({ name: `z${i}.txt`, data: new Uint8Array(200 * 1024) }));
    await expectZipError(collect(writeTempZip(files), { maxRatio: 50 }), "zip_limits", /the archive inflates/);
  });

  it("enforces the total and per-file sizes on inflated bytes", async () => {
    const files = Array.from({ length: 4 }, (_, i) => ({ name: `f${i}.txt`, data: "x".repeat(1000) + i }));
    await expectZipError(collect(writeTempZip(files), { maxTotalBytes: 3000 }), "zip_limits", /total size/);
    await expectZipError(collect(writeTempZip(files), { maxEntryBytes: 500 }), "zip_limits", /per-file size/);
  });

  it("does not trust a header that understates the size", async () => {
    // Declared 10 bytes in both headers; inflating finds 5000, and the archive is refused as lying.
    const zip = buildZip([{ name: "liar.txt", data: "y".repeat(5000) }]);
    zip.writeUInt32LE(10, 22);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(10, central + 24);
    await expectZipError(collect(writeTempFile("liar.zip", zip), { maxEntryBytes: 1000 }), "corrupt_zip", /too many bytes/);
  });

  it("enforces the entry count before reading anything", async () => {
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, data: "x" }));
    await expectZipError(collect(writeTempZip(files), { maxEntries: 4 }), "zip_limits", /entry count/);
  });

  it("rejects a file that is not a zip", async () => {
    const path = writeTempFile("not.zip", new TextEncoder().encode("just text"));
    await expectZipError(collect(path), "corrupt_zip");
  });

  it("stops cleanly when the caller breaks early", async () => {
    const path = writeTempZip([
      { name: "a.txt", data: "a" },
      { name: "b.txt", data: "b" },
    ]);
    for await (const entry of expandZip(path)) {
      expect(entry.name).toBe("a.txt");
      break;
    }
    writeFileSync(path, "overwritten after close");
  });
});
