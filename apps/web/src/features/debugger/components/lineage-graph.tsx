"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, MarkerType, ReactFlow, type Edge } from "@xyflow/react";
import { useMemo } from "react";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { useTheme } from "@/features/preferences/components/theme-provider";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import { useLineage } from "../hooks/use-lineage";
import { layoutLayered } from "../lib/layered-layout";
import { artifactTypeText } from "../lib/labels";
import type { TArtifactType } from "../query-keys";
import { LINEAGE_NODE_TYPES, type TLineageNode } from "./lineage-nodes";

const FIT_VIEW = { padding: 0.2, maxZoom: 1.1 };

/**
 * The artifact graph around one artifact, laid out in layers left to right (made from → made), with
 * a list of the same artifacts for keyboard and screen-reader users. Activating an artifact (a
 * click, or Enter on a focused node) opens it in its stage.
 */
export function LineageGraph({ type, id, onOpen }: { type: TArtifactType; id: string; onOpen: (type: TArtifactType, id: string) => void }) {
  const t = useT();
  const { theme } = useTheme();
  const { projectId } = useWorkbench();
  const lineage = useLineage(projectId, type, id);
  const graph = useMemo(() => {
    if (!lineage.data) return null;
    const positions = new Map(layoutLayered(lineage.data).map((n) => [n.id, n.position]));
    const nodes: TLineageNode[] = lineage.data.nodes.map((n) => ({
      id: n.id,
      type: "artifact",
      position: positions.get(n.id) ?? { x: 0, y: 0 },
      draggable: false,
      ariaLabel: `${artifactTypeText(n.type, t)}: ${n.label}`,
      data: { type: n.type, typeLabel: artifactTypeText(n.type, t), label: n.label, status: n.status, origin: n.id === id },
    }));
    const edges: Edge[] = lineage.data.edges.map((e) => ({
      id: `${e.source}>${e.target}`, source: e.source, target: e.target, label: e.label, focusable: false, selectable: false,
      markerEnd: { type: MarkerType.ArrowClosed, color: "var(--muted)" },
      style: { stroke: "var(--muted)", strokeWidth: 1.2 },
      labelStyle: { fontSize: 10, fill: "var(--muted)" },
      labelBgStyle: { fill: "var(--surface)", fillOpacity: 0.85 },
    }));
    return { nodes, edges };
  }, [lineage.data, id, t]);

  if (lineage.isPending) return <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("debugger.lineage.loading")}</p>;
  if (lineage.isError) return <ErrorMessage error={lineage.error} onRetry={() => void lineage.refetch()} />;
  return (
    <div className="flex flex-col gap-2" data-testid="debugger-lineage">
      <div className="h-[26rem] w-full rounded-md border border-line">
        <ReactFlow<TLineageNode, Edge>
          nodes={graph!.nodes}
          edges={graph!.edges}
          nodeTypes={LINEAGE_NODE_TYPES}
          onNodesChange={(changes) => {
            // A click or Enter on a focused node arrives as a select change: read as "open", never applied.
            for (const change of changes) {
              const node = change.type === "select" && change.selected ? graph!.nodes.find((n) => n.id === change.id) : undefined;
              if (node && node.id !== id) onOpen(node.data.type, node.id);
            }
          }}
          nodesDraggable={false}
          nodesConnectable={false}
          colorMode={theme}
          fitView
          fitViewOptions={FIT_VIEW}
          minZoom={0.2}
          aria-label={t("debugger.lineage.graph")}
        >
          <Background gap={16} size={1} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      <details className="text-xs">
        <summary className="cursor-pointer text-muted">{t("debugger.lineage.asList", { count: lineage.data.nodes.length })}</summary>
        <ul className="mt-1 flex flex-col gap-0.5" data-testid="debugger-lineage-list">
          {lineage.data.nodes.map((n) => (
            <li key={n.id}>
              <button type="button" className="text-left text-link hover:underline" onClick={() => onOpen(n.type, n.id)}>
                {artifactTypeText(n.type, t)} · {n.label}{n.status ? ` (${n.status})` : ""}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
