// Accuracy of one evaluation, broken down the ways the Debugger reads it: per discipline, per level,
// per chain length and per distractor operator. "fooledBy" counts the operators of the wrong options
// a model actually chose — which kind of falsehood it believed.

export interface TResultForSummary {
  correct: boolean;
  /** Null when no answer could be parsed (counted as wrong, and as unparsed). */
  parsed: string | null;
  discipline: string;
  level: number;
  chainLength: number;
  /** Operators of the item's distractors. */
  operators: readonly string[];
  /** Operators of the wrong options the model chose. */
  chosenOperators: readonly string[];
}

export interface TAccuracy {
  items: number;
  correct: number;
  accuracy: number;
}

export interface TEvaluationSummary {
  total: TAccuracy;
  unparsed: number;
  byDiscipline: Record<string, TAccuracy>;
  byLevel: Record<string, TAccuracy>;
  byChainLength: Record<string, TAccuracy>;
  /** Accuracy on the items that contain a distractor of each operator. */
  byOperator: Record<string, TAccuracy>;
  fooledBy: Record<string, number>;
}

function add(record: Record<string, TAccuracy>, key: string | number, correct: boolean): void {
  const entry = (record[key] ??= { items: 0, correct: 0, accuracy: 0 });
  entry.items++;
  if (correct) entry.correct++;
  entry.accuracy = entry.correct / entry.items;
}

export function summarizeResults(results: Iterable<TResultForSummary>): TEvaluationSummary {
  const summary: TEvaluationSummary = {
    total: { items: 0, correct: 0, accuracy: 0 }, unparsed: 0, byDiscipline: {}, byLevel: {}, byChainLength: {}, byOperator: {}, fooledBy: {},
  };
  for (const r of results) {
    summary.total.items++;
    if (r.correct) summary.total.correct++;
    if (r.parsed === null) summary.unparsed++;
    add(summary.byDiscipline, r.discipline, r.correct);
    add(summary.byLevel, r.level, r.correct);
    add(summary.byChainLength, r.chainLength, r.correct);
    for (const op of new Set(r.operators)) add(summary.byOperator, op, r.correct);
    for (const op of r.chosenOperators) summary.fooledBy[op] = (summary.fooledBy[op] ?? 0) + 1;
  }
  summary.total.accuracy = summary.total.items === 0 ? 0 : summary.total.correct / summary.total.items;
  return summary;
}
