// Reads a model's multiple-choice answer out of free text, the way real models reply: reasoning in
// <think> blocks, "Answer: B", "The correct answers are A and C", "**(C)**", "B) The Krebs cycle…",
// or only the option's text. Gold answers go through `canonicalAnswer` too, so "C, A", "AC" and
// ["a","c"] all compare equal to "A,C".

export interface TParsedAnswer {
  /** Canonical: sorted unique labels joined by commas ("A,C"); null when no answer could be read. */
  answer: string | null;
  /** How it was read, for the item detail view. */
  method: "label" | "final_line" | "bare" | "option_text" | "none";
}

const REASONING = /<(think|thinking|reasoning|scratchpad|analysis)>[\s\S]*?<\/\1>|<\/?(?:think|thinking|reasoning)>/giu;
// A cue that announces the answer, then a list of labels ("B", "(A) and (C)", "**D**", "A, C").
const LABEL_CUE =
  /(?:final\s+answer|correct\s+(?:answers?|options?|choices?|responses?)|(?<!\w)answers?|I\s+(?:would\s+)?(?:choose|pick|select|go\s+with)|my\s+(?:answer|choice)|best\s+(?:answer|option|choice))\s*(?:is|are|would\s+be|:|=|-|—)?\s*(?:options?|choices?|letters?)?\s*[:\-]?\s*((?:[\s,;/&]*(?:and|or)?[\s,;/&]*[(*_[]*[A-Z][)*_\]]*(?![A-Za-z']))+)/giu;

/** "A, c", "AC", ["a","c"], "C,A" → "A,C" (only labels among `labels` when given). */
export function canonicalAnswer(value: string | readonly string[], labels?: readonly string[]): string | null {
  const raw = Array.isArray(value) ? value.join(",") : String(value);
  const letters = raw.toUpperCase().match(/[A-Z]/g) ?? [];
  const allowed = labels ? new Set(labels.map((l) => l.toUpperCase())) : null;
  const unique = [...new Set(letters)].filter((l) => !allowed || allowed.has(l)).sort();
  return unique.length > 0 ? unique.join(",") : null;
}

function lettersIn(fragment: string, labels: readonly string[]): string[] {
  const allowed = new Set(labels);
  return (fragment.match(/(?<![A-Za-z])[A-Z](?![a-z])/g) ?? []).filter((l) => allowed.has(l));
}

const normalize = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

export function parseAnswer(response: string, options: readonly { label: string; text: string }[], multi = false): TParsedAnswer {
  const labels = options.map((o) => o.label.toUpperCase());
  const text = response.replace(REASONING, " ").trim();
  const pick = (found: string[]) => {
    const canonical = canonicalAnswer(multi ? found : found.slice(-1), labels);
    return canonical;
  };
  // 1. An explicit "Answer: …" cue; the last one wins (models often restate).
  const cued = [...text.matchAll(LABEL_CUE)].map((m) => lettersIn(m[1]!, labels)).filter((l) => l.length > 0);
  if (cued.length > 0) return { answer: pick(cued.at(-1)!), method: "label" };
  // A lower-case label only when it stands alone after the cue ("answer: b"): "answer: a bit unsure" is no answer.
  const lower = [...text.matchAll(/answer\s*(?:is|:)\s*\(?([a-z])\)?\s*(?:[.!]|$)/gimu)].at(-1);
  if (lower && labels.includes(lower[1]!.toUpperCase())) return { answer: lower[1]!.toUpperCase(), method: "label" };
  // 2. The last non-empty line, when it is only labels ("B", "(C)", "A, C", "**D**", or "AC" for select-all).
  const lines = text.split(/\n+/).map((l) => l.trim()).filter(Boolean);
  const last = lines.at(-1) ?? "";
  if (multi && /^[A-Z]{2,6}$/u.test(last) && [...last].every((l) => labels.includes(l))) return { answer: pick([...last]), method: "final_line" };
  if (/^[\s*_()[\].,;:&/-]*(?:[A-Z](?:[\s*_()[\].,;:&/-]+|\s+and\s+|$))+$/u.test(last) && lettersIn(last, labels).length > 0) {
    return { answer: pick(lettersIn(last, labels)), method: "final_line" };
  }
  // 3. A reply that starts with a label: "B) Glycolysis…", "C. …", "(A)".
  const bare = text.match(/^\s*[*_(\[]*([A-Z])[*_)\].:]/u);
  if (bare && labels.includes(bare[1]!)) return { answer: bare[1]!, method: "bare" };
  // 4. The option's own text quoted in the reply (the longest match wins; all matches for select-all).
  const reply = normalize(text);
  const matched = options.filter((o) => normalize(o.text).length > 0 && reply.includes(normalize(o.text)));
  if (matched.length > 0) {
    const chosen = multi ? matched : [matched.sort((a, b) => b.text.length - a.text.length)[0]!];
    return { answer: canonicalAnswer(chosen.map((o) => o.label), labels), method: "option_text" };
  }
  return { answer: null, method: "none" };
}
