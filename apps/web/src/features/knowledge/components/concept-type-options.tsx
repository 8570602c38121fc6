import { CONCEPT_TYPES } from "../lib/relation-types";

/** Suggestions for a concept's type field (any text is allowed). */
export function ConceptTypeOptions({ id }: { id: string }) {
  return (
    <datalist id={id}>
      {CONCEPT_TYPES.map((type) => <option key={type} value={type} />)}
    </datalist>
  );
}
