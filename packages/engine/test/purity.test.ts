import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The engine stays pure: no database, queue, HTTP or file-system modules (yauzl reads the one path
// expandZip is given). A new dependency has to be added here on purpose.
const ALLOWED = new Set(["zod", "yaml", "unpdf", "mammoth", "html-to-text", "yauzl", "node:crypto", "wink-nlp", "wink-eng-lite-web-model", "@proda/core"]);

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listSources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

describe("engine purity", () => {
  it("imports only relative modules and the allowed packages", () => {
    const src = new URL("../src", import.meta.url).pathname;
    let seen = 0;
    for (const file of listSources(src)) {
      const imports = [...readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)\b[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]!);
      seen += imports.length;
      for (const specifier of imports) {
        if (specifier.startsWith(".")) expect(specifier, file).toMatch(/\.ts$/);
        else expect(ALLOWED.has(specifier), `${file} imports ${specifier}`).toBe(true);
      }
    }
    expect(seen).toBeGreaterThan(30);
  });
});
