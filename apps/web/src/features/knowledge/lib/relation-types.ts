// How the UI colours and groups relation types; the vocabulary itself comes from @proda/core.
import { RELATION_TYPES, type TRelationType } from "@proda/core";

export { RELATION_TYPES, type TRelationType };

export function isRelationType(value: string): value is TRelationType {
  return (RELATION_TYPES as readonly string[]).includes(value);
}

/** Heuristic concept categories of the builtin extractor (LLM providers may use others). */
export const CONCEPT_TYPES = ["process", "entity", "quantity", "property", "organism", "concept"] as const;

type TRelationFamily = "causal" | "structural" | "temporal" | "contrast" | "definition" | "other";

const FAMILY: Record<TRelationType, TRelationFamily> = {
  is_a: "structural",
  part_of: "structural",
  example_of: "structural",
  causes: "causal",
  prevents: "causal",
  enables: "causal",
  requires: "causal",
  increases: "causal",
  decreases: "causal",
  produces: "causal",
  precedes: "temporal",
  contrasts_with: "contrast",
  defined_as: "definition",
  measured_by: "definition",
  other: "other",
};

/** A CSS colour (theme variable) per relation family, for edges and badges. */
const FAMILY_COLOR: Record<TRelationFamily, string> = {
  causal: "var(--accent)",
  structural: "var(--success)",
  temporal: "var(--info)",
  contrast: "var(--warning)",
  definition: "var(--link)",
  other: "var(--muted)",
};

export function relationColor(type: string): string {
  return FAMILY_COLOR[isRelationType(type) ? FAMILY[type] : "other"];
}
