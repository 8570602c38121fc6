"use client";

import "@xyflow/react/dist/style.css";
import { applyNodeChanges, Background, Controls, MarkerType, ReactFlow, useReactFlow, type NodeChange } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTheme } from "@/features/preferences/components/theme-provider";
import { useT } from "@/i18n/i18n-provider";
import type { TNeighbourhoodDto } from "@/lib/api-types";
import { relationTypeLabel } from "../lib/knowledge-labels";
import { relationColor } from "../lib/relation-types";
import { hopsFromCentre, layoutRings } from "../lib/ring-layout";
import { GRAPH_EDGE_TYPES, HOOD_NODE_TYPES, type TGraphEdge, type THoodNode } from "./graph-parts";

const NODE_ORIGIN: [number, number] = [0.5, 0.5];
const FIT_VIEW = { padding: 0.12, maxZoom: 1.2 };

/** Nodes in concentric rings by hop (lib/ring-layout.ts), draggable; a click or Enter recentres. */
export function NeighbourhoodFlow({ hood, onRecentre }: { hood: TNeighbourhoodDto; onRecentre: (conceptId: string) => void }) {
  const t = useT();
  const { theme } = useTheme();
  const { fitView } = useReactFlow();

  const laidOut = useMemo<THoodNode[]>(() => {
    const hops = hopsFromCentre(hood.center, hood.edges);
    const nodes = hood.nodes.map((n) => ({ ...n, hop: hops.get(n.id) ?? n.hop }));
    const { positions } = layoutRings(hood.center, nodes, hood.edges);
    return nodes.map((n) => ({
      id: n.id,
      type: "concept",
      position: positions.get(n.id) ?? { x: 0, y: 0 },
      data: { term: n.term, type: n.type, degree: n.degree, hop: n.hop },
      ariaLabel: t(n.id === hood.center ? "knowledge.explore.centreLabel" : "knowledge.explore.nodeLabel", { term: n.term, hop: n.hop }),
      zIndex: n.id === hood.center ? 10 : n.hop === 1 ? 5 : 1,
    }));
  }, [hood, t]);
  const [nodes, setNodes] = useState<THoodNode[]>(laidOut);
  const shown = useRef(laidOut);

  useEffect(() => {
    if (shown.current === laidOut) return;
    shown.current = laidOut;
    setNodes(laidOut);
    // The new nodes are measured on the next frames; fit once they are.
    const timer = setTimeout(() => void fitView(FIT_VIEW), 60);
    return () => clearTimeout(timer);
  }, [laidOut, fitView]);

  const edges = useMemo<TGraphEdge[]>(
    () =>
      hood.edges.map((e) => {
        const color = relationColor(e.type);
        return {
          id: e.id,
          source: e.source,
          target: e.target,
          type: "floating",
          focusable: false,
          selectable: false,
          markerEnd: { type: MarkerType.ArrowClosed, color, width: 14, height: 14 },
          data: { label: `${e.negated ? "¬ " : ""}${relationTypeLabel(e.type, t)}`, color, negated: e.negated, bend: 0 },
        };
      }),
    [hood.edges, t],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<THoodNode>[]) => {
      const rest = changes.filter((change) => change.type !== "select");
      if (rest.length > 0) setNodes((current) => applyNodeChanges(rest, current));
      // A click (or Enter on a focused node) is read as "centre here".
      const picked = changes.find((change) => change.type === "select" && change.selected);
      if (picked && "id" in picked) onRecentre(picked.id);
    },
    [onRecentre],
  );

  return (
    <ReactFlow<THoodNode, TGraphEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={HOOD_NODE_TYPES}
      edgeTypes={GRAPH_EDGE_TYPES}
      nodeOrigin={NODE_ORIGIN}
      onNodesChange={onNodesChange}
      nodesConnectable={false}
      selectNodesOnDrag={false}
      colorMode={theme}
      fitView
      fitViewOptions={FIT_VIEW}
      minZoom={0.05}
      onlyRenderVisibleElements={hood.nodes.length > 200}
      aria-label={t("knowledge.explore.flowLabel")}
    >
      <Background gap={20} size={1} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
