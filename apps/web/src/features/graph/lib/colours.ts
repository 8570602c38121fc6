// Colour modes of the overview. Each node gets a small colour index into a palette, so drawing can
// batch all nodes of one colour into a single fill (a few dozen fills instead of 300k).

export type TColourMode = "type" | "community" | "coverage" | "failure";

/** Categorical colours distinguishable on both themes (Tableau 10 + two). */
export const CATEGORICAL = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#2f9e9e", "#8f6adf"];
/** Ramp buckets for 0–1 overlays: low → high. */
export const RAMP_BUCKETS = 10;
const NO_DATA = "#9aa0a6";

function ramp(mode: "coverage" | "failure"): string[] {
  // Coverage: red (untaught) → green (fully taught); failure: green (passes) → red (fails).
  return Array.from({ length: RAMP_BUCKETS }, (_, i) => {
    const t = i / (RAMP_BUCKETS - 1);
    const hue = mode === "coverage" ? 5 + 125 * t : 130 - 125 * t;
    return `hsl(${hue.toFixed(0)} 70% 48%)`;
  });
}

export interface TColouring {
  palette: string[];
  /** Palette index of each node. */
  index: Uint16Array;
  legend: { colour: string; label: string; count?: number }[];
}

/** Categories beyond the palette share its last colour ("other"), counted in the legend. */
function categorical(values: ArrayLike<number>, names: (value: number) => string, otherLabel: string): TColouring {
  const n = values.length;
  const index = new Uint16Array(n);
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) counts.set(values[i]!, (counts.get(values[i]!) ?? 0) + 1);
  const ranked = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a - b);
  const slots = CATEGORICAL.length;
  const slot = new Map(ranked.map((v, i) => [v, Math.min(i, slots - 1)]));
  for (let i = 0; i < n; i++) index[i] = slot.get(values[i]!)!;
  const legend = ranked.slice(0, slots - 1).map((v, i) => ({ colour: CATEGORICAL[i]!, label: names(v), count: counts.get(v)! }));
  const rest = ranked.slice(slots - 1);
  if (rest.length === 1) legend.push({ colour: CATEGORICAL[slots - 1]!, label: names(rest[0]!), count: counts.get(rest[0]!)! });
  else if (rest.length > 1) legend.push({ colour: CATEGORICAL[slots - 1]!, label: otherLabel, count: rest.reduce((a, v) => a + counts.get(v)!, 0) });
  return { palette: CATEGORICAL, index, legend };
}

export function colourByType(types: Uint8Array, typeNames: string[], otherLabel: string): TColouring {
  return categorical(types, (v) => typeNames[v] ?? "?", otherLabel);
}

export function colourByCommunity(communities: Int32Array, communityLabel: (rank: number) => string, otherLabel: string): TColouring {
  return categorical(communities, communityLabel, otherLabel);
}

/** Overlay values 0–1 in RAMP_BUCKETS buckets; −1 (no data) in grey, the last palette slot. */
export function colourByValue(values: ArrayLike<number>, mode: "coverage" | "failure", labels: { noData: string; range: (from: number, to: number) => string }): TColouring {
  const palette = [...ramp(mode), NO_DATA];
  const index = new Uint16Array(values.length);
  const counts = new Array<number>(palette.length).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const bucket = v < 0 || !Number.isFinite(v) ? RAMP_BUCKETS : Math.min(RAMP_BUCKETS - 1, Math.floor(v * RAMP_BUCKETS));
    index[i] = bucket;
    counts[bucket]++;
  }
  const legend = palette.map((colour, b) => ({
    colour,
    label: b === RAMP_BUCKETS ? labels.noData : labels.range(b / RAMP_BUCKETS, (b + 1) / RAMP_BUCKETS),
    count: counts[b]!,
  }));
  return { palette, index, legend };
}
