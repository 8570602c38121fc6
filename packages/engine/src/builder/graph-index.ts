// The lookups the sample makers need, built once per build: which document each chunk and concept
// belongs to, the relations of each concept inside a document, and a GraphView whose siblings are
// limited to the current document, so a substituted distractor never brings in a concept from
// outside the source document's scope.
import { RELATION_TYPES, type TRelationType } from "../knowledge/types.ts";
import { GraphView, type TGraphRelation } from "../tester/perturb.ts";
import type { TBuilderChunk, TBuilderConcept, TBuilderInput, TBuilderRelation } from "./types.ts";
import { cleanQuote } from "./wording.ts";

const KNOWN_TYPES: ReadonlySet<string> = new Set(RELATION_TYPES);
/** Relations that make two concepts near-synonyms or kinds of each other: "bacteria are neutrophiles". */
const KINDRED_TYPES: ReadonlySet<string> = new Set(["is_a", "part_of", "example_of", "defined_as"]);
const EMPTY: ReadonlySet<string> = new Set();

export interface TIndexedRelation extends TBuilderRelation {
  relationType: TRelationType;
  documentId: string;
  /** The supporting quote, cleaned of markup. */
  quote: string;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A GraphView whose siblings come from one document at a time (set `scope` before perturbing). */
export class DocumentGraphView extends GraphView {
  scope: string | null = null;
  private readonly siblingsByDocument: Map<string, string[]>;

  constructor(concepts: TBuilderConcept[], relations: TGraphRelation[], conceptDocuments: Map<string, Set<string>>) {
    super(
      concepts.map((c) => ({ id: c.id, term: c.term, type: c.type, discipline: c.discipline })),
      relations,
    );
    this.siblingsByDocument = new Map();
    for (const concept of concepts) {
      for (const documentId of conceptDocuments.get(concept.id) ?? []) {
        const group = `${documentId}\u0000${concept.type}`;
        const list = this.siblingsByDocument.get(group) ?? [];
        list.push(concept.id);
        this.siblingsByDocument.set(group, list);
      }
    }
  }

  override siblingsOf(conceptId: string): string[] {
    const concept = this.concept(conceptId);
    if (!concept || this.scope === null) return [];
    return (this.siblingsByDocument.get(`${this.scope}\u0000${concept.type}`) ?? []).filter((id) => id !== conceptId);
  }
}

export class BuilderIndex {
  readonly concepts = new Map<string, TBuilderConcept>();
  /** Relations that may be taught, in id order. */
  readonly relations: TIndexedRelation[] = [];
  readonly relationById = new Map<string, TIndexedRelation>();
  /** Concept id → documents whose chunks mention it. */
  readonly conceptDocuments = new Map<string, Set<string>>();
  /** Document → concept ids mentioned there, in id order. */
  readonly documentConcepts = new Map<string, string[]>();
  /** `${documentId}\0${conceptId}` → relations of that document the concept takes part in. */
  private readonly documentRelations = new Map<string, TIndexedRelation[]>();
  readonly graph: DocumentGraphView;
  readonly chunks: ReadonlyMap<string, TBuilderChunk>;
  /** Concepts that can be taught (not excluded). */
  readonly eligibleConceptIds: string[];
  private readonly eligible: Set<string>;
  private readonly terms = new Map<string, string>();
  private readonly kindred = new Map<string, Set<string>>();

  constructor(
    input: TBuilderInput,
    excluded: { relationIds: readonly string[]; conceptIds: readonly string[] },
  ) {
    this.chunks = input.chunks;
    const excludedConcepts = new Set(excluded.conceptIds);
    const excludedRelations = new Set(excluded.relationIds);
    const concepts = [...input.concepts].sort(byId);
    for (const concept of concepts) {
      this.concepts.set(concept.id, concept);
      for (const mention of concept.mentions) {
        const chunk = input.chunks.get(mention.chunkId);
        if (chunk) this.addConceptDocument(concept.id, chunk.documentId);
      }
    }
    const relations = [...input.relations].sort(byId);
    for (const relation of relations) {
      if (KINDRED_TYPES.has(relation.type) && !relation.negated) {
        for (const [a, b] of [[relation.subjectId, relation.objectId], [relation.objectId, relation.subjectId]] as const) {
          const set = this.kindred.get(a) ?? new Set<string>();
          set.add(b);
          this.kindred.set(a, set);
        }
      }
      const chunk: TBuilderChunk | undefined = input.chunks.get(relation.chunkId);
      if (!chunk || !this.concepts.has(relation.subjectId) || !this.concepts.has(relation.objectId)) continue;
      // The quote names both concepts, so both are mentioned in this document whatever `mentions` says.
      this.addConceptDocument(relation.subjectId, chunk.documentId);
      this.addConceptDocument(relation.objectId, chunk.documentId);
      if (excludedRelations.has(relation.id) || excludedConcepts.has(relation.subjectId) || excludedConcepts.has(relation.objectId)) continue;
      const quote = cleanQuote(chunk.text.slice(relation.quoteStart, relation.quoteEnd));
      if (!quote || relation.subjectId === relation.objectId) continue;
      const relationType = (KNOWN_TYPES.has(relation.type) ? relation.type : "other") as TRelationType;
      const indexed: TIndexedRelation = { ...relation, relationType, documentId: chunk.documentId, quote };
      this.relations.push(indexed);
      this.relationById.set(relation.id, indexed);
      for (const conceptId of [relation.subjectId, relation.objectId]) {
        const key = `${chunk.documentId}\u0000${conceptId}`;
        const list = this.documentRelations.get(key) ?? [];
        list.push(indexed);
        this.documentRelations.set(key, list);
      }
    }
    for (const [conceptId, documents] of this.conceptDocuments) {
      for (const documentId of documents) {
        const list = this.documentConcepts.get(documentId) ?? [];
        list.push(conceptId);
        this.documentConcepts.set(documentId, list);
      }
    }
    for (const list of this.documentConcepts.values()) list.sort();
    // States are checked against every relation of the version, excluded ones too: a held-out
    // fact is still a fact, so it can never be offered as a false statement.
    const graphRelations = relations.map((r) => ({ id: r.id, subjectId: r.subjectId, objectId: r.objectId, negated: r.negated, type: (KNOWN_TYPES.has(r.type) ? r.type : "other") as TRelationType }));
    this.graph = new DocumentGraphView(concepts, graphRelations, this.conceptDocuments);
    this.eligibleConceptIds = concepts.filter((c) => !excludedConcepts.has(c.id)).map((c) => c.id);
    this.eligible = new Set(this.eligibleConceptIds);
  }

  isEligibleConcept(conceptId: string): boolean {
    return this.eligible.has(conceptId);
  }

  private addConceptDocument(conceptId: string, documentId: string): void {
    const set = this.conceptDocuments.get(conceptId) ?? new Set<string>();
    set.add(documentId);
    this.conceptDocuments.set(conceptId, set);
  }

  /**
   * The concept's term as written mid-sentence: a canonical term first seen at the start of a
   * sentence ("Glycolysis") is lower-cased when its chunks also write it that way; proper names
   * ("Krebs cycle") and acronyms keep their capitals.
   */
  term(conceptId: string): string {
    const cached = this.terms.get(conceptId);
    if (cached !== undefined) return cached;
    const concept = this.concepts.get(conceptId);
    let term = concept?.term ?? conceptId;
    if (concept && /^[A-Z][a-z]/.test(term)) {
      const lower = term[0]!.toLowerCase() + term.slice(1);
      if (concept.mentions.some((m) => this.chunks.get(m.chunkId)?.text.includes(` ${lower}`))) term = lower;
    }
    this.terms.set(conceptId, term);
    return term;
  }

  /** Concepts linked to this one by is_a, part_of, example_of or defined_as (either direction): never distractors for it. */
  kindredOf(conceptId: string): ReadonlySet<string> {
    return this.kindred.get(conceptId) ?? EMPTY;
  }

  /** Relations of the document that the concept takes part in (taught ones only), in id order. */
  relationsOf(documentId: string, conceptId: string): readonly TIndexedRelation[] {
    return this.documentRelations.get(`${documentId}\u0000${conceptId}`) ?? [];
  }

  isMentionedIn(conceptId: string, documentId: string): boolean {
    return this.conceptDocuments.get(conceptId)?.has(documentId) ?? false;
  }
}
