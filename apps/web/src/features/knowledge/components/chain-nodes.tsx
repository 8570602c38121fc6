"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { cx } from "@/components/ui/cx";
import type { TConceptNodeData, TStepNodeData } from "../lib/chain-layout";
import { RelationTypeBadge } from "./relation-type-badge";

export type TStepNode = Node<TStepNodeData, "step">;
export type TChainConceptNode = Node<TConceptNodeData, "concept">;

// Invisible: the steps join straight down, and concept edges float between borders.
const HANDLE = "!h-1 !w-1 !min-w-0 !border-0 !bg-transparent !opacity-0";

/** One step: its number and "subject —type→ object". */
const StepNode = memo(function StepNode({ data, selected }: NodeProps<TStepNode>) {
  return (
    <div
      data-testid="knowledge-chain-step"
      className={cx(
        "w-[300px] rounded-md border bg-elevated px-3 py-2 text-left shadow-sm shadow-shadow",
        selected ? "border-accent ring-1 ring-accent" : "border-line-strong",
      )}
    >
      <Handle type="target" position={Position.Top} className={HANDLE} isConnectable={false} />
      <div className="flex items-center gap-2">
        <span className="flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-accent text-[11px] font-semibold text-accent-fg">{data.order}</span>
        <span className="flex min-w-0 flex-wrap items-center gap-1 text-[13px] text-strong">
          <span className="max-w-[8rem] truncate font-medium" title={data.subject}>{data.subject}</span>
          <RelationTypeBadge type={data.type} negated={data.negated} />
          <span className="max-w-[8rem] truncate font-medium" title={data.object}>{data.object}</span>
        </span>
      </div>
      <p className="mt-1 truncate text-[11px] text-muted" title={data.text}>{data.text}</p>
      <Handle type="source" position={Position.Bottom} className={HANDLE} isConnectable={false} />
    </div>
  );
});

/** A concept of the chain; highlighted while a step that mentions it is selected. */
const ChainConceptNode = memo(function ChainConceptNode({ data, selected }: NodeProps<TChainConceptNode>) {
  return (
    <div
      data-testid="knowledge-chain-concept"
      className={cx(
        "max-w-[200px] rounded-full border bg-sidebar px-3 py-1 text-[13px] font-medium text-strong",
        selected || data.highlighted ? "border-success bg-success/15 ring-1 ring-success" : "border-success/50",
      )}
      title={data.term}
    >
      <Handle type="target" position={Position.Top} className={HANDLE} isConnectable={false} />
      <span className="block truncate">{data.term}</span>
      <Handle type="source" position={Position.Bottom} className={HANDLE} isConnectable={false} />
    </div>
  );
});

/** At module scope: a new object per render would remount every node. */
export const CHAIN_NODE_TYPES = { step: StepNode, concept: ChainConceptNode };
