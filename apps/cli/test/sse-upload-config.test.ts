// The SSE parser, folder listing and batching of uploads, and the config file.
import { mkdtempSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configPath, normaliseServer, readConfig, resolveCredentials, writeConfig } from "../src/config.ts";
import { createSseParser } from "../src/sse.ts";
import { batchFiles, listFiles } from "../src/upload.ts";

describe("SSE parser", () => {
  it("splits events across arbitrary chunks, skips comments and joins multi-line data", () => {
    const parse = createSseParser();
    const text = 'id: 1\ndata: {"a":1}\n\n: keep-alive\n\ndata: line1\r\ndata: line2\r\n\r\nevent: end\ndata: x\n\n';
    const events = [...text].flatMap((ch) => parse(ch));
    expect(events).toEqual([
      { id: "1", event: undefined, data: '{"a":1}' },
      { id: undefined, event: undefined, data: "line1\nline2" },
      { id: undefined, event: "end", data: "x" },
    ]);
  });
});

describe("upload files", () => {
  it("lists a folder recursively with forward-slash relative names, skipping hidden entries", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "proda-up-"));
    mkdirSync(path.join(root, "economics", "ch1"), { recursive: true });
    mkdirSync(path.join(root, ".git"));
    writeFileSync(path.join(root, "economics", "ch1", "a.md"), "aaa");
    writeFileSync(path.join(root, "b.txt"), "b");
    writeFileSync(path.join(root, ".DS_Store"), "x");
    writeFileSync(path.join(root, ".git", "HEAD"), "x");
    const files = await listFiles(root);
    expect(files.map((f) => [f.name, f.size])).toEqual([["b.txt", 1], ["economics/ch1/a.md", 3]]);
    expect((await listFiles(path.join(root, "b.txt"))).map((f) => f.name)).toEqual(["b.txt"]);
    await expect(listFiles(path.join(root, "missing"))).rejects.toMatchObject({ exitCode: 2 });
  });

  it("batches by file count and bytes, a too-large file alone", () => {
    const f = (name: string, size: number) => ({ name, file: name, size });
    const sizes = (batches: ReturnType<typeof batchFiles>) => batches.map((b) => b.map((x) => x.name).join(","));
    expect(sizes(batchFiles([f("a", 1), f("b", 1), f("c", 1)], 2, 100))).toEqual(["a,b", "c"]);
    expect(sizes(batchFiles([f("a", 60), f("b", 60), f("huge", 500), f("c", 1)], 10, 100))).toEqual(["a", "b", "huge", "c"]);
    expect(batchFiles([], 2, 100)).toEqual([]);
  });
});

describe("config", () => {
  it("writes the token file with mode 0600 and reads it back", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "proda-cfg-"));
    const file = path.join(dir, "nested", "config.json");
    writeConfig({ server: "http://h:3000", token: "proda_x" }, file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readConfig(file)).toEqual({ server: "http://h:3000", token: "proda_x" });
    writeFileSync(file, "not json");
    expect(readConfig(file)).toEqual({});
    expect(JSON.parse(readFileSync(path.join(dir, "nested", "config.json"), "utf8").replace("not json", "{}"))).toEqual({});
  });

  it("resolves flags over env over the file, and finds the config dir", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "proda-cfg-"));
    const file = path.join(dir, "c.json");
    writeConfig({ server: "http://file:1", token: "file" }, file);
    expect(resolveCredentials({}, {}, file)).toEqual({ server: "http://file:1", token: "file" });
    expect(resolveCredentials({}, { PRODA_SERVER: "http://env:2/", PRODA_TOKEN: "env" }, file)).toEqual({ server: "http://env:2", token: "env" });
    expect(resolveCredentials({ server: "https://flag", token: "flag" }, { PRODA_TOKEN: "env" }, file)).toEqual({ server: "https://flag", token: "flag" });
    expect(configPath({ XDG_CONFIG_HOME: "/x" })).toBe(path.join("/x", "proda", "config.json"));
    expect(configPath({ PRODA_CONFIG: "/y/c.json" })).toBe("/y/c.json");
  });

  it("accepts only http(s) server URLs", () => {
    expect(normaliseServer("http://localhost:3000///")).toBe("http://localhost:3000");
    expect(() => normaliseServer("ftp://x")).toThrow(/http/);
    expect(() => normaliseServer("not a url")).toThrow(/Not a URL/);
  });
});
