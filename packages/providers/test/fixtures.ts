// Chunk texts for the provider tests: short textbook-like passages the builtin extractor finds
// chains in, so the fake server's valid answers are non-trivial.
export const PHOTOSYNTHESIS = `## Photosynthesis

**Photosynthesis** is a process that converts light energy into chemical energy. Light energy excites chlorophyll. Chlorophyll drives the splitting of water. The splitting of water produces oxygen. The light reactions produce ATP and NADPH. ATP and NADPH power the Calvin cycle. The Calvin cycle produces glucose.

Photosynthesis should not be confused with cellular respiration. Photosynthesis does not release energy from glucose.
`;

export const INFLATION = `## Inflation

**Inflation** is a sustained rise in the general price level. An increase in the money supply causes inflation. Inflation reduces the purchasing power of money. Lower purchasing power decreases real wages. Lower real wages reduce consumer spending.

A central bank raises interest rates when inflation is high. Higher interest rates reduce borrowing. Reduced borrowing decreases the money supply.
`;

const TOPICS = ["enzymes", "catalysts", "substrates", "inhibitors", "cofactors", "metabolites", "proteins", "ligands"];

/** `count` distinct chunks (distinct texts, so distinct cache keys), each with a chain to extract. */
export function makeChunks(count: number): { id: string; text: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const a = TOPICS[i % TOPICS.length]!;
    const b = TOPICS[(i + 3) % TOPICS.length]!;
    const base = i % 2 === 0 ? PHOTOSYNTHESIS : INFLATION;
    return { id: `chunk-${i}`, text: `${base}\nNote ${i}: ${a} increase the activity of ${b}. The activity of ${b} produces heat.\n` };
  });
}
