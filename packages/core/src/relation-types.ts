// The typed relation vocabulary of L2 relations, browser-safe (the UI colours and filters by it; the
// engine validates extractions against it). Projects add their own types as free predicates.
export const RELATION_TYPES = [
  "is_a",
  "part_of",
  "causes",
  "prevents",
  "enables",
  "requires",
  "increases",
  "decreases",
  "precedes",
  "produces",
  "contrasts_with",
  "defined_as",
  "measured_by",
  "example_of",
  "other",
] as const;

export type TRelationType = (typeof RELATION_TYPES)[number];
