// What the builtin student knows: the statements it read during training, true ones and the ones
// its data marked false, indexed by content word. An option is supported by the taught statement
// that explains the largest in-order share of its words (longest common subsequence), so word order
// (who acts on whom), the relation type and polarity all matter.
import { readStatement, type TReading } from "./read-statement.ts";

export interface TMemoryUnit {
  tokens: string[];
  negated: boolean;
  /** True: taught as a fact; false: taught as a falsehood (a false true/false statement, a wrong option). */
  truth: boolean;
}

export interface TSupport {
  /** Share of the option's words explained, in order, by a fact of the same polarity (0, or above ½ up to 1). */
  support: number;
  /** Share explained by a taught falsehood of the same polarity, or by a fact of the opposite polarity. */
  contradiction: number;
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

export class StudentMemory {
  readonly units: TMemoryUnit[] = [];
  /** Ordered walkthroughs ("Step 1: … Step 2: …"): each a list of step readings. */
  readonly sequences: string[][][] = [];
  private readonly byToken = new Map<string, number[]>();
  private readonly sequencesByToken = new Map<string, number[]>();

  add(text: string, truth: boolean): void {
    const reading = readStatement(text);
    if (reading.tokens.length < 2) return;
    this.addReading(reading, truth);
  }

  addReading(reading: TReading, truth: boolean): void {
    const id = this.units.length;
    this.units.push({ tokens: reading.tokens, negated: reading.negated, truth });
    for (const token of new Set(reading.tokens)) {
      if (token.startsWith("<")) continue; // relation cues are everywhere; content words find candidates
      let list = this.byToken.get(token);
      if (!list) this.byToken.set(token, (list = []));
      list.push(id);
    }
  }

  addSequence(steps: readonly string[]): void {
    const readings = steps.map((s) => readStatement(s).tokens).filter((t) => t.length > 0);
    if (readings.length >= 2) this.addReadings(readings);
  }

  /**
   * Share of an ordered option's adjacent step pairs (A then B) that a taught walkthrough puts in
   * that order. 0 when no walkthrough covers the steps: order is then unknown.
   */
  assessOrder(steps: readonly string[]): number {
    const readings = steps.map((s) => readStatement(s).tokens);
    if (readings.length < 2) return 0;
    const candidates = new Set<number>();
    for (const token of new Set(readings.flat())) for (const id of this.sequencesByToken.get(token) ?? []) candidates.add(id);
    let best = 0;
    for (const id of candidates) {
      const sequence = this.sequences[id]!;
      // Where each option step sits in this walkthrough (the best-matching step, if it explains more than half).
      const at = readings.map((r) => {
        let index = -1;
        let share = 0.5;
        sequence.forEach((step, i) => {
          const s = lcsLength(r, step) / Math.max(1, r.length);
          if (s > share) [index, share] = [i, s];
        });
        return index;
      });
      let ordered = 0;
      for (let i = 0; i + 1 < at.length; i++) if (at[i]! >= 0 && at[i + 1]! > at[i]!) ordered++;
      best = Math.max(best, ordered / (at.length - 1));
    }
    return best;
  }

  /** How well the taught statements back (or contradict) a statement. */
  assess(text: string): TSupport {
    const reading = readStatement(text);
    const n = reading.tokens.length;
    if (n === 0) return { support: 0, contradiction: 0 };
    // A unit explaining more than half of the option holds more than half of its content words, so it
    // holds one of the rarest ⌊k/2⌋+1 of them: only those postings are read (shares ≤ ½ count as none).
    const content = [...new Set(reading.tokens.filter((t) => !t.startsWith("<")))];
    content.sort((a, b) => (this.byToken.get(a)?.length ?? 0) - (this.byToken.get(b)?.length ?? 0));
    const candidates = new Set<number>();
    for (const token of content.slice(0, Math.floor(content.length / 2) + 1)) for (const id of this.byToken.get(token) ?? []) candidates.add(id);
    let support = 0;
    let contradiction = 0;
    for (const id of candidates) {
      const unit = this.units[id]!;
      const share = lcsLength(reading.tokens, unit.tokens) / n;
      if (share <= 0.5) continue;
      const samePolarity = unit.negated === reading.negated;
      if (unit.truth && samePolarity) support = Math.max(support, share);
      else if (!unit.truth && samePolarity) contradiction = Math.max(contradiction, share);
      // A fact of the opposite polarity contradicts only when it says the very same thing otherwise.
      else if (unit.truth && share === 1) contradiction = Math.max(contradiction, share);
    }
    return { support, contradiction };
  }

  toJSON(): { units: [string, number][]; sequences: string[][] } {
    return {
      units: this.units.map((u) => [u.tokens.join(" "), (u.truth ? 1 : 0) | (u.negated ? 2 : 0)]),
      sequences: this.sequences.map((seq) => seq.map((step) => step.join(" "))),
    };
  }

  static fromJSON(data: { units: [string, number][]; sequences?: string[][] }): StudentMemory {
    const memory = new StudentMemory();
    for (const [tokens, flags] of data.units) memory.addReading({ tokens: tokens.split(" "), negated: (flags & 2) !== 0 }, (flags & 1) !== 0);
    for (const seq of data.sequences ?? []) memory.addReadings(seq.map((step) => step.split(" ")));
    return memory;
  }

  private addReadings(readings: string[][]): void {
    const id = this.sequences.length;
    this.sequences.push(readings);
    for (const token of new Set(readings.flat())) {
      if (token.startsWith("<")) continue;
      let list = this.sequencesByToken.get(token);
      if (!list) this.sequencesByToken.set(token, (list = []));
      list.push(id);
    }
  }
}
