"use client";

import { BaseEdge, Handle, Position, useInternalNode, type Edge, type EdgeProps, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { cx } from "@/components/ui/cx";
import { boxBorderPoint } from "../lib/ring-layout";

export interface THoodNodeData extends Record<string, unknown> {
  term: string;
  type: string;
  degree: number;
  hop: number;
}
export type THoodNode = Node<THoodNodeData, "concept">;

export interface TGraphEdgeData extends Record<string, unknown> {
  label: string;
  color: string;
  negated: boolean;
  /** 0: straight; otherwise the curve bows to the right (+x) by this share of its length. */
  bend: number;
}
export type TGraphEdge = Edge<TGraphEdgeData, "floating">;

const HOP_CLASS = [
  "border-accent bg-accent text-accent-fg font-semibold",
  "border-info/70 bg-elevated text-strong",
  "border-line-strong bg-sidebar text-fg",
];

// One invisible handle in the middle: floating edges compute their own ends.
const CENTRE_HANDLE = "!pointer-events-none !top-1/2 !left-1/2 !h-px !w-px !min-w-0 !border-0 !bg-transparent !opacity-0";

/** A concept in the explorer, coloured by hop (centre, 1, 2). */
const HoodConceptNode = memo(function HoodConceptNode({ data, selected }: NodeProps<THoodNode>) {
  return (
    <div
      data-testid="knowledge-graph-node"
      data-hop={data.hop}
      title={`${data.term} · ${data.type} · ${data.degree}`}
      className={cx(
        "max-w-[150px] truncate rounded-full border px-2.5 py-0.5 text-xs shadow-sm shadow-shadow",
        HOP_CLASS[Math.min(2, data.hop)],
        selected && "ring-2 ring-accent",
      )}
    >
      <Handle type="target" position={Position.Top} className={CENTRE_HANDLE} isConnectable={false} />
      {data.term}
      <Handle type="source" position={Position.Bottom} className={CENTRE_HANDLE} isConnectable={false} />
    </div>
  );
});

/**
 * An edge between the borders of its two nodes (so the arrowhead shows), straight or bowed to the
 * right, labelled with the relation type at its middle.
 */
const FloatingEdge = memo(function FloatingEdge({ id, source, target, data, markerEnd }: EdgeProps<TGraphEdge>) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  if (!from?.measured.width || !to?.measured.width || !data) return null;
  const size = (n: typeof from) => ({ w: n.measured.width ?? 0, h: n.measured.height ?? 0 });
  const centre = (n: typeof from) => ({ x: n.internals.positionAbsolute.x + size(n).w / 2, y: n.internals.positionAbsolute.y + size(n).h / 2 });
  const a = centre(from);
  const b = centre(to);
  const bow = data.bend * Math.hypot(b.x - a.x, b.y - a.y);
  const control = { x: (a.x + b.x) / 2 + bow, y: (a.y + b.y) / 2 };
  const start = boxBorderPoint(a, size(from).w + 4, size(from).h + 4, bow ? control : b);
  const end = boxBorderPoint(b, size(to).w + 6, size(to).h + 6, bow ? control : a);
  const path = bow ? `M ${start.x},${start.y} Q ${control.x},${control.y} ${end.x},${end.y}` : `M ${start.x},${start.y} L ${end.x},${end.y}`;
  // The middle of the quadratic curve (t = ½), or of the line.
  const labelX = bow ? 0.25 * start.x + 0.5 * control.x + 0.25 * end.x : (start.x + end.x) / 2;
  const labelY = bow ? 0.25 * start.y + 0.5 * control.y + 0.25 * end.y : (start.y + end.y) / 2;
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      style={{ stroke: data.color, strokeWidth: 1.2, strokeDasharray: data.negated ? "5 4" : undefined }}
      label={data.label}
      labelX={labelX}
      labelY={labelY}
      labelStyle={{ fill: data.color, fontSize: 10 }}
      labelBgStyle={{ fill: "var(--surface)", fillOpacity: 0.85 }}
      labelBgPadding={[3, 1]}
      labelBgBorderRadius={2}
    />
  );
});

/** At module scope: new objects per render would remount every node and edge. */
export const HOOD_NODE_TYPES = { concept: HoodConceptNode };
export const GRAPH_EDGE_TYPES = { floating: FloatingEdge };
