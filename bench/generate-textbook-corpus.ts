// A synthetic corpus with real textbook language for extraction benchmarks: paragraphs recombined
// (seeded) from the sentences of a source folder of Markdown sections, so the builtin extractor
// meets the sentence shapes it meets in real books. Reaches `chunks` chunks of ~512 tokens.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "./lib/harness.ts";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

export function generateTextbookCorpus(source: string, dir: string, chunks: number): { files: number; sentences: number } {
  const random = rng(7);
  const byDiscipline = new Map<string, string[]>();
  for (const file of listFiles(source).filter((f) => f.endsWith(".md"))) {
    const discipline = path.basename(path.dirname(file));
    const text = readFileSync(file, "utf8").replace(/^---[\s\S]*?---/, "");
    const sentences = text.split(/\n\s*\n/).filter((p) => !p.startsWith("#") && !p.startsWith("|") && p.length > 80)
      .flatMap((p) => p.replace(/\s+/g, " ").match(/[^.!?]+[.!?]/g) ?? []);
    byDiscipline.set(discipline, [...(byDiscipline.get(discipline) ?? []), ...sentences]);
  }
  const disciplines = [...byDiscipline.keys()];
  // ~2,300 characters a chunk; 40 chunks a file.
  const files = Math.ceil(chunks / 40);
  for (let f = 0; f < files; f++) {
    const discipline = disciplines[f % disciplines.length]!;
    const pool = byDiscipline.get(discipline)!;
    const parts: string[] = [`# Section ${f + 1}`];
    for (let p = 0; p < 40 * 4; p++) {
      const start = Math.floor(random() * (pool.length - 6));
      parts.push(pool.slice(start, start + 3 + Math.floor(random() * 4)).join(" ").trim());
    }
    mkdirSync(path.join(dir, discipline), { recursive: true });
    writeFileSync(path.join(dir, discipline, `section-${String(f + 1).padStart(5, "0")}.md`), parts.join("\n\n"));
  }
  return { files, sentences: [...byDiscipline.values()].reduce((n, s) => n + s.length, 0) };
}
