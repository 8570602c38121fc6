// The chain view's layout: the steps as an ordered column (step n → step n+1), and the concepts they
// connect as a second column, in order of first appearance, joined by the chain's typed relations.
// Pure (plain node/edge objects in React Flow's shape); covered by test/knowledge-ui-lib.test.ts.

export interface TChainStepInput {
  order: number;
  text: string;
  relation: {
    id: string;
    subject: { id: string; term: string };
    object: { id: string; term: string };
    type: string;
    predicate: string;
    negated: boolean;
  };
}

export interface TStepNodeData extends Record<string, unknown> {
  order: number;
  text: string;
  subject: string;
  object: string;
  type: string;
  predicate: string;
  negated: boolean;
  relationId: string;
}

export interface TConceptNodeData extends Record<string, unknown> {
  conceptId: string;
  term: string;
  /** Steps (orders) that mention the concept. */
  steps: number[];
  /** Set by the view while a step that connects the concept is selected. */
  highlighted?: boolean;
}

export type TChainLayoutNode =
  | { id: string; type: "step"; position: { x: number; y: number }; data: TStepNodeData }
  | { id: string; type: "concept"; position: { x: number; y: number }; data: TConceptNodeData };

export interface TChainLayoutEdge {
  id: string;
  source: string;
  target: string;
  kind: "sequence" | "relation";
  type?: string;
  negated?: boolean;
  /** Relations: how many rows of the concept column the edge spans (1 = neighbours). */
  span?: number;
}

export const CHAIN_LAYOUT = { stepGap: 112, conceptGap: 84, conceptColumn: 400 } as const;

export const stepNodeId = (order: number) => `step-${order}`;
export const conceptNodeId = (conceptId: string) => `concept-${conceptId}`;

export function layoutChain(steps: readonly TChainStepInput[]): { nodes: TChainLayoutNode[]; edges: TChainLayoutEdge[] } {
  const ordered = [...steps].sort((a, b) => a.order - b.order);
  const nodes: TChainLayoutNode[] = [];
  const edges: TChainLayoutEdge[] = [];

  ordered.forEach((step, i) => {
    const r = step.relation;
    nodes.push({
      id: stepNodeId(step.order),
      type: "step",
      position: { x: 0, y: i * CHAIN_LAYOUT.stepGap },
      data: { order: step.order, text: step.text, subject: r.subject.term, object: r.object.term, type: r.type, predicate: r.predicate, negated: r.negated, relationId: r.id },
    });
    if (i > 0) edges.push({ id: `seq-${ordered[i - 1]!.order}-${step.order}`, source: stepNodeId(ordered[i - 1]!.order), target: stepNodeId(step.order), kind: "sequence" });
  });

  const concepts = new Map<string, TConceptNodeData>();
  for (const step of ordered) {
    for (const c of [step.relation.subject, step.relation.object]) {
      const known = concepts.get(c.id);
      if (known) {
        if (!known.steps.includes(step.order)) known.steps.push(step.order);
      } else {
        concepts.set(c.id, { conceptId: c.id, term: c.term, steps: [step.order] });
      }
    }
  }
  // The concept column is centred on the step column.
  const stepsHeight = Math.max(0, ordered.length - 1) * CHAIN_LAYOUT.stepGap;
  const conceptsHeight = Math.max(0, concepts.size - 1) * CHAIN_LAYOUT.conceptGap;
  const top = (stepsHeight - conceptsHeight) / 2;
  const row = new Map([...concepts.keys()].map((id, i) => [id, i]));
  [...concepts.values()].forEach((data, i) => {
    nodes.push({ id: conceptNodeId(data.conceptId), type: "concept", position: { x: CHAIN_LAYOUT.conceptColumn, y: top + i * CHAIN_LAYOUT.conceptGap }, data });
  });

  const seen = new Set<string>();
  for (const step of ordered) {
    const r = step.relation;
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const span = Math.abs(row.get(r.object.id)! - row.get(r.subject.id)!);
    edges.push({ id: `rel-${r.id}`, source: conceptNodeId(r.subject.id), target: conceptNodeId(r.object.id), kind: "relation", type: r.type, negated: r.negated, span });
  }
  return { nodes, edges };
}
