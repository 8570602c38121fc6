// Chain-of-thought patch samples: a step-by-step walkthrough of a chain the model failed on, built
// from the chain's own relations (stated from the knowledge, with their source quote), ending with
// the perturbation it fell for named as a mistake. Never built from the benchmark item's text.
import { makeFalseStatement } from "../builder/false-statements.ts";
import type { BuilderIndex } from "../builder/graph-index.ts";
import { stateRelation } from "../builder/make-qa.ts";
import { capitalize, cleanQuote } from "../builder/wording.ts";
import type { TSampleDraft } from "../builder/types.ts";
import { describeTopic } from "../tester/templates.ts";
import type { TTesterChain } from "../tester/item-types.ts";

const stripEnd = (text: string) => text.trim().replace(/[\s.,;:!]+$/u, "");

function askWalkthrough(random: () => number, topic: string): string {
  const forms = [
    `Walk me through ${topic} step by step.`,
    `Explain, step by step, what happens in ${topic}.`,
    `In what order do the steps of ${topic} happen? Explain each step.`,
    `Describe ${topic} one step at a time.`,
  ];
  return forms[Math.floor(random() * forms.length)]!;
}

/**
 * One walkthrough of `chain`. `variant` picks the phrasing and which step's confusion is contrasted,
 * so repeated walkthroughs of one chain differ. Null when the chain has fewer than two usable steps.
 */
export function makeChainWalkthrough(index: BuilderIndex, chain: TTesterChain, random: () => number, variant: number): TSampleDraft | null {
  const steps = [...chain.steps].sort((a, b) => a.order - b.order);
  const lines: string[] = [];
  const relationIds: string[] = [];
  const conceptIds = new Set<string>();
  const chunkIds = new Set<string>([chain.chunkId]);
  for (const [i, step] of steps.entries()) {
    const relation = index.relationById.get(step.relationId);
    // A step whose relation is held out (or unknown) keeps the chain's own step wording.
    const text = relation ? stateRelation(index, relation) : `${capitalize(stripEnd(cleanQuote(step.text)))}.`;
    lines.push(`Step ${i + 1}: ${stripEnd(text)}.`);
    if (relation) {
      relationIds.push(relation.id);
      conceptIds.add(relation.subjectId).add(relation.objectId);
      chunkIds.add(relation.chunkId);
    }
  }
  if (lines.length < 2) return null;
  const preconditions = chain.preconditions.map((p) => `This holds when ${stripEnd(p.text).replace(/^(if|when)\s+/iu, "")}.`);
  // The contrast: a false statement made from one step by the Tester's operators, named as a mistake.
  const contrastRelations = relationIds.map((id) => index.relationById.get(id)!).filter(Boolean);
  const notes: string[] = [];
  if (contrastRelations.length > 0) {
    const relation = contrastRelations[variant % contrastRelations.length]!;
    const made = makeFalseStatement(index, relation, random, new Set([stateRelation(index, relation).toLowerCase()]));
    if (made) notes.push(`A common mistake is to think that ${stripEnd(made.text.charAt(0).toLowerCase() + made.text.slice(1))}. In fact, ${stripEnd(stateRelation(index, relation).charAt(0).toLowerCase() + stateRelation(index, relation).slice(1))}.`);
  }
  const topic = describeTopic(chain);
  const document = index.relationById.get(relationIds[0] ?? "")?.documentId ?? chain.documentId;
  return {
    type: "relation_qa",
    question: askWalkthrough(random, topic),
    answer: [...lines, ...preconditions, ...notes].join(" "),
    evidence: [],
    meta: {
      discipline: chain.discipline,
      documentId: document,
      conceptIds: [...conceptIds],
      relationIds,
      chunkIds: [...chunkIds],
      mentionedConceptIds: [...conceptIds],
    },
  };
}
