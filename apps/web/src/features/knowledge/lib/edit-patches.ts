// What an inline edit sends: only the fields that changed, trimmed. Pure.
import type { TChainSummaryDto, TConceptDto, TRelationDto } from "@/lib/api-types";

export interface TConceptPatch {
  term?: string;
  definition?: string | null;
  type?: string;
  aliases?: string[];
}

export interface TRelationPatch {
  type?: string;
  predicate?: string;
  negated?: boolean;
}

/** Comma- or newline-separated aliases, trimmed, without empties or case-insensitive repeats. */
export function parseAliases(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[,\n;，；]/)
    .map((a) => a.trim())
    .filter((a) => a && !seen.has(a.toLowerCase()) && !!seen.add(a.toLowerCase()));
}

/** An emptied definition is sent as null; an emptied term or type is not sent (both are required). */
export function conceptChanges(
  concept: Pick<TConceptDto, "term" | "type" | "definition" | "aliases">,
  values: { term: string; type: string; definition: string; aliases?: string },
): TConceptPatch {
  const patch: TConceptPatch = {};
  const term = values.term.trim();
  const type = values.type.trim();
  const definition = values.definition.trim();
  if (term && term !== concept.term) patch.term = term;
  if (type && type !== concept.type) patch.type = type;
  if (definition !== (concept.definition ?? "")) patch.definition = definition || null;
  if (values.aliases !== undefined) {
    const aliases = parseAliases(values.aliases);
    if (aliases.join("\u0000") !== concept.aliases.join("\u0000")) patch.aliases = aliases;
  }
  return patch;
}

export function relationChanges(
  relation: Pick<TRelationDto, "type" | "predicate" | "negated">,
  values: { type: string; predicate: string; negated: boolean },
): TRelationPatch {
  const patch: TRelationPatch = {};
  const predicate = values.predicate.trim();
  if (values.type && values.type !== relation.type) patch.type = values.type;
  if (predicate && predicate !== relation.predicate) patch.predicate = predicate;
  if (values.negated !== relation.negated) patch.negated = values.negated;
  return patch;
}

export function chainTitleChange(chain: Pick<TChainSummaryDto, "title">, title: string): string | null {
  const trimmed = title.trim();
  return trimmed && trimmed !== chain.title ? trimmed : null;
}
