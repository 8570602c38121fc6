// The judge's calibration: Cohen's κ between the judge's labels and the reviewers' on the same
// diagnoses (chance-corrected agreement), and Spearman's ρ between two rankings of models (our
// benchmark against an external one).

/** κ = (po − pe) / (1 − pe) over paired labels; null with no pairs, 1 when both always agree on one label. */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): { kappa: number | null; agreement: number; pairs: number } {
  const n = pairs.length;
  if (n === 0) return { kappa: null, agreement: 0, pairs: 0 };
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  const po = agree / n;
  let pe = 0;
  for (const [label, count] of a) pe += (count / n) * ((b.get(label) ?? 0) / n);
  const kappa = pe === 1 ? (po === 1 ? 1 : 0) : (po - pe) / (1 - pe);
  return { kappa, agreement: po, pairs: n };
}

/** Ranks with ties averaged (1 = highest value). */
function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((x, y) => y[0] - x[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Spearman's ρ: the Pearson correlation of the ranks (ties averaged). Null for fewer than 3 models or no variance. */
export function spearmanRho(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new Error("spearmanRho needs two lists of the same length");
  if (x.length < 3) return null;
  const rx = ranks(x);
  const ry = ranks(y);
  const mean = (v: number[]) => v.reduce((s, t) => s + t, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < rx.length; i++) {
    num += (rx[i]! - mx) * (ry[i]! - my);
    dx += (rx[i]! - mx) ** 2;
    dy += (ry[i]! - my) ** 2;
  }
  return dx === 0 || dy === 0 ? null : num / Math.sqrt(dx * dy);
}
