"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { Icon, type TIconName } from "@/components/icons";
import { cx } from "@/components/ui/cx";
import type { TArtifactType } from "../query-keys";

export interface TLineageNodeData extends Record<string, unknown> {
  type: TArtifactType;
  typeLabel: string;
  label: string;
  status: string | null;
  /** The artifact the view was opened from. */
  origin: boolean;
}
export type TLineageNode = Node<TLineageNodeData, "artifact">;

export const LINEAGE_ICON: Record<TArtifactType, TIconName> = {
  knowledge_version: "knowledge",
  benchmark: "tester",
  dataset_version: "builder",
  training_run: "training",
  model: "database",
  evaluation: "evaluation",
  diagnosis_run: "debugger",
  loop: "refresh",
};

const HANDLE = "!h-1 !w-1 !min-w-0 !border-0 !bg-transparent !opacity-0";

/** One artifact: its kind, name and status; the origin is ringed. Left to right: made from → made. */
const ArtifactNode = memo(function ArtifactNode({ data, selected }: NodeProps<TLineageNode>) {
  return (
    <div
      data-testid="debugger-lineage-node"
      data-type={data.type}
      data-origin={data.origin}
      className={cx(
        "flex w-[220px] items-start gap-2 rounded-md border bg-elevated px-2.5 py-1.5 text-left shadow-sm shadow-shadow",
        data.origin ? "border-accent ring-1 ring-accent" : "border-line-strong",
        selected && "ring-2 ring-accent",
      )}
    >
      <Handle type="target" position={Position.Left} className={HANDLE} isConnectable={false} />
      <Icon name={LINEAGE_ICON[data.type]} size={14} className="mt-0.5 shrink-0 text-muted" />
      <span className="min-w-0 flex-1">
        <span className="block text-[10px] text-muted uppercase">{data.typeLabel}</span>
        <span className="block truncate text-xs font-medium text-strong" title={data.label}>{data.label}</span>
        {data.status ? <span className="block text-[10px] text-muted">{data.status}</span> : null}
      </span>
      <Handle type="source" position={Position.Right} className={HANDLE} isConnectable={false} />
    </div>
  );
});

/** At module scope: a new object per render would remount every node. */
export const LINEAGE_NODE_TYPES = { artifact: ArtifactNode };
