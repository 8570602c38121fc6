// Writes a synthetic textbook-like corpus: `mb` megabytes of Markdown in `disciplines` folders.
// Sentences are drawn from a seeded generator over a large vocabulary, so chunks read like prose
// to the quality filter and are not near-duplicates of each other.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const STOP = "the of and to in is that for it as with was on by be are this from at or an which can".split(" ");
const VERBS = "increases reduces produces requires enables prevents causes contains regulates transports converts measures supports limits affects".split(" ");
const SYLLABLES = "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo fu ga ge gi go gu la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu".split(" ");

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

export function generateCorpus(dir: string, mb: number, disciplines = 16, fileKb = 1024): { files: number; bytes: number } {
  const random = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const vocabulary = Array.from({ length: 20_000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join(""));
  const noun = () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)]!;
  const sentence = () => {
    const words = [`The ${noun()}`, pick(VERBS), pick(STOP), noun()];
    for (let i = 0, n = 6 + Math.floor(random() * 14); i < n; i++) words.push(random() < 0.45 ? pick(STOP) : noun());
    return `${words.join(" ")}.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 5) }, sentence).join(" ");
  let bytes = 0;
  let files = 0;
  const target = mb * 1024 * 1024;
  while (bytes < target) {
    const discipline = `discipline-${(files % disciplines) + 1}`;
    mkdirSync(path.join(dir, discipline), { recursive: true });
    const parts: string[] = [`# Section ${files + 1}: ${noun()}`];
    let size = 0;
    while (size < fileKb * 1024) {
      const p = random() < 0.1 ? `## ${noun()} and ${noun()}` : paragraph();
      parts.push(p);
      size += p.length + 2;
    }
    const text = parts.join("\n\n");
    writeFileSync(path.join(dir, discipline, `section-${String(files + 1).padStart(5, "0")}.md`), text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  return { files, bytes };
}
