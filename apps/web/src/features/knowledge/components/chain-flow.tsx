"use client";

import "@xyflow/react/dist/style.css";
import { applyNodeChanges, Background, Controls, MarkerType, ReactFlow, type Edge, type NodeChange } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTheme } from "@/features/preferences/components/theme-provider";
import { useT } from "@/i18n/i18n-provider";
import { layoutChain, type TChainStepInput } from "../lib/chain-layout";
import { relationTypeLabel } from "../lib/knowledge-labels";
import { relationColor } from "../lib/relation-types";
import { CHAIN_NODE_TYPES, type TChainConceptNode, type TStepNode } from "./chain-nodes";
import { GRAPH_EDGE_TYPES, type TGraphEdge } from "./graph-parts";

type TNode = TStepNode | TChainConceptNode;

const FIT_VIEW = { padding: 0.15, maxZoom: 1.1 };

/**
 * The chain as a flow: the steps in order down the left, the concepts they connect on the right,
 * joined by the typed relations (dashed when negated). Selecting a step (click, or Enter on a focused
 * node) selects it everywhere; selecting a concept opens its details.
 */
export function ChainFlow({
  steps,
  selectedStep,
  onSelectStep,
  onOpenConcept,
}: {
  steps: TChainStepInput[];
  selectedStep: number | null;
  onSelectStep: (order: number | null) => void;
  onOpenConcept: (conceptId: string) => void;
}) {
  const t = useT();
  const { theme } = useTheme();
  const layout = useMemo(() => layoutChain(steps), [steps]);
  const decorate = useCallback(
    (list: typeof layout.nodes): TNode[] =>
      list.map((n) =>
        n.type === "step"
          ? { ...n, draggable: false, ariaLabel: t("knowledge.chain.stepLabel", { order: n.data.order, text: n.data.text }) }
          : { ...n, draggable: false, ariaLabel: t("knowledge.chain.conceptLabel", { term: n.data.term }) },
      ),
    [t],
  );
  const [nodes, setNodes] = useState<TNode[]>(() => decorate(layout.nodes));
  const nodesRef = useRef<TNode[]>(nodes);
  nodesRef.current = nodes;
  const laidOut = useRef(layout.nodes);

  // A new layout (an edit renamed a concept, the locale changed) replaces the nodes.
  useEffect(() => {
    if (laidOut.current === layout.nodes) return;
    laidOut.current = layout.nodes;
    setNodes(decorate(layout.nodes));
  }, [layout, decorate]);

  // The selected step (from here, the step list or the text) and its two concepts. Selection is
  // ours alone: React Flow's select changes are read as intents, never applied.
  useEffect(() => {
    const step = steps.find((s) => s.order === selectedStep);
    const ends = new Set(step ? [step.relation.subject.id, step.relation.object.id] : []);
    setNodes((current) =>
      current.map((n) => {
        if (n.type === "step") return n.selected === (n.data.order === selectedStep) ? n : { ...n, selected: n.data.order === selectedStep };
        const highlighted = ends.has(n.data.conceptId);
        return n.data.highlighted === highlighted && !n.selected ? n : { ...n, selected: false, data: { ...n.data, highlighted } };
      }),
    );
  }, [selectedStep, steps, layout]);

  const onNodesChange = useCallback(
    (changes: NodeChange<TNode>[]) => {
      const rest = changes.filter((change) => change.type !== "select");
      if (rest.length > 0) setNodes((current) => applyNodeChanges(rest, current));
      for (const change of changes) {
        if (change.type !== "select" || !change.selected) continue;
        const node = nodesRef.current.find((n) => n.id === change.id);
        if (node?.type === "step") onSelectStep(node.data.order);
        else if (node?.type === "concept") onOpenConcept(node.data.conceptId);
      }
    },
    [onSelectStep, onOpenConcept],
  );

  const edges = useMemo<(Edge | TGraphEdge)[]>(
    () =>
      layout.edges.map((e) => {
        if (e.kind === "sequence") {
          return {
            id: e.id, source: e.source, target: e.target, focusable: false, selectable: false,
            markerEnd: { type: MarkerType.ArrowClosed, color: "var(--accent)" },
            style: { stroke: "var(--accent)", strokeWidth: 1.5 },
          };
        }
        const color = relationColor(e.type ?? "other");
        // Concepts one row apart are joined straight; longer jumps bow to the right, clear of the rows between.
        return {
          id: e.id, source: e.source, target: e.target, type: "floating" as const, focusable: false, selectable: false,
          markerEnd: { type: MarkerType.ArrowClosed, color },
          data: { label: `${e.negated ? "¬ " : ""}${relationTypeLabel(e.type ?? "other", t)}`, color, negated: !!e.negated, bend: (e.span ?? 1) > 1 ? 0.3 : 0 },
        };
      }),
    [layout, t],
  );

  return (
    <div className="h-full min-h-[22rem] w-full" data-testid="knowledge-chain-flow">
      <ReactFlow<TNode, Edge | TGraphEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={CHAIN_NODE_TYPES}
        edgeTypes={GRAPH_EDGE_TYPES}
        onNodesChange={onNodesChange}
        onPaneClick={() => onSelectStep(null)}
        nodesDraggable={false}
        nodesConnectable={false}
        colorMode={theme}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.2}
        aria-label={t("knowledge.chain.flowLabel")}
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
