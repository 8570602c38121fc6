"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useT } from "@/i18n/i18n-provider";
import type { TGraphData } from "../lib/decode-layout";
import { degreeOrder } from "../lib/labels";
import { OverviewRenderer, type TColours } from "../lib/overview-renderer";
import { buildSpatialIndex } from "../lib/spatial-index";

const DRAG_THRESHOLD_PX = 4;
const KEY_PAN_PX = 80;
const KEY_ZOOM = 1.25;

export interface TCanvasControls {
  focusNode(node: number): void;
  fit(): void;
}

/**
 * The overview's canvas and its input: drag pans, the wheel zooms at the pointer, hover shows a
 * node's name, a click selects a node and opens it. Keyboard: arrows pan, +/− zoom, 0 fits, Space
 * selects the node nearest the centre, Enter opens the selection, Escape clears it. The renderer
 * (lib/overview-renderer.ts) owns the pixels; React only owns which node is selected.
 */
export function OverviewCanvas({
  data,
  colours,
  selected,
  onSelect,
  onOpen,
  controls,
}: {
  data: TGraphData;
  colours: TColours;
  selected: number;
  onSelect: (node: number) => void;
  onOpen: (node: number) => void;
  controls?: React.RefObject<TCanvasControls | null>;
}) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const renderer = useRef<OverviewRenderer | null>(null);
  const [hover, setHover] = useState<{ node: number; x: number; y: number } | null>(null);
  const graph = useMemo(() => ({ data, index: buildSpatialIndex(data.positions, data.bounds), order: degreeOrder(data.degrees) }), [data]);
  const callbacks = useRef({ onSelect, onOpen, selected });
  callbacks.current = { onSelect, onOpen, selected };

  useEffect(() => {
    const element = box.current!;
    const r = new OverviewRenderer(canvas.current!, {
      // Written to the DOM, not React state: read by tests and bench/graph-render.ts.
      onFrame: (kind, ms) => {
        if (kind === "first") {
          element.dataset.firstFrameMs = ms.toFixed(0);
          performance.mark("proda:overview:first-frame");
        } else {
          element.dataset.completeFrames = String(Number(element.dataset.completeFrames ?? 0) + 1);
          performance.mark("proda:overview:complete");
        }
      },
      onSettled: (settled) => {
        element.dataset.settled = String(settled);
      },
    });
    renderer.current = r;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry!.contentRect;
      r.resize(width, height, Math.min(2, window.devicePixelRatio || 1));
    });
    observer.observe(element);
    // The wheel must be a non-passive listener to keep the page from scrolling while zooming.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      r.zoomAt(event.clientX - rect.left, event.clientY - rect.top, Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015)));
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    const theme = new MutationObserver(() => r.refreshTheme());
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ["class", "data-theme"] });
    return () => {
      observer.disconnect();
      theme.disconnect();
      element.removeEventListener("wheel", onWheel);
      r.destroy();
      renderer.current = null;
    };
  }, []);

  useEffect(() => {
    box.current!.dataset.completeFrames = "0";
    renderer.current?.setGraph(graph);
  }, [graph]);
  useEffect(() => renderer.current?.setColours(colours), [colours]);
  useEffect(() => renderer.current?.setSelected(selected), [selected]);
  useEffect(() => {
    if (!controls) return;
    controls.current = { focusNode: (node) => renderer.current?.focusNode(node), fit: () => renderer.current?.fit() };
  }, [controls]);

  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const local = (event: React.PointerEvent | React.MouseEvent) => {
    const rect = box.current!.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top] as const;
  };

  const onPointerDown = (event: React.PointerEvent) => {
    if (event.button !== 0) return;
    box.current!.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY, moved: false };
  };
  const onPointerMove = (event: React.PointerEvent) => {
    const r = renderer.current;
    if (!r) return;
    const d = drag.current;
    if (d) {
      const dx = event.clientX - d.x;
      const dy = event.clientY - d.y;
      if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      d.moved = true;
      d.x = event.clientX;
      d.y = event.clientY;
      r.panBy(dx, dy);
      return;
    }
    const [x, y] = local(event);
    const node = r.hitTest(x, y);
    r.setHover(node);
    setHover((h) => (node < 0 ? null : h?.node === node ? h : { node, x, y }));
  };
  const onPointerUp = (event: React.PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved || !renderer.current) return;
    const [x, y] = local(event);
    const node = renderer.current.hitTest(x, y);
    callbacks.current.onSelect(node);
    if (node >= 0) callbacks.current.onOpen(node);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const r = renderer.current;
    if (!r) return;
    const { width, height } = box.current!.getBoundingClientRect();
    const step = event.shiftKey ? KEY_PAN_PX * 3 : KEY_PAN_PX;
    const pans: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    let handled = true;
    if (pans[event.key]) r.panBy(...pans[event.key]!);
    else if (event.key === "+" || event.key === "=") r.zoomAt(width / 2, height / 2, KEY_ZOOM);
    else if (event.key === "-" || event.key === "_") r.zoomAt(width / 2, height / 2, 1 / KEY_ZOOM);
    else if (event.key === "0") r.fit();
    else if (event.key === " ") {
      callbacks.current.onSelect(r.hitTest(width / 2, height / 2, Math.max(width, height)));
    } else if (event.key === "Enter" && callbacks.current.selected >= 0) callbacks.current.onOpen(callbacks.current.selected);
    else if (event.key === "Escape" && callbacks.current.selected >= 0) callbacks.current.onSelect(-1);
    else handled = false;
    if (handled) event.preventDefault();
  };

  return (
    <div
      ref={box}
      role="application"
      aria-roledescription={t("graph.canvas.role")}
      aria-label={t("graph.canvas.label", { nodes: data.nodeCount, edges: data.edgeCount })}
      aria-describedby="graph-overview-help"
      tabIndex={0}
      data-testid="graph-overview-canvas"
      data-nodes={data.nodeCount}
      data-edges={data.edgeCount}
      data-selected={selected >= 0 ? data.conceptIds[selected] : ""}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerLeave={() => {
        renderer.current?.setHover(-1);
        setHover(null);
      }}
      onKeyDown={onKeyDown}
      className="group relative min-h-0 flex-1 cursor-grab touch-none overflow-hidden rounded-md border border-line bg-surface outline-none focus-visible:ring-2 focus-visible:ring-accent active:cursor-grabbing"
    >
      <canvas ref={canvas} className="absolute inset-0 h-full w-full" />
      {/* A crosshair while focused: Space selects the node nearest to it. */}
      <span aria-hidden="true" className="pointer-events-none absolute top-1/2 left-1/2 hidden h-3 w-3 -translate-1/2 rounded-full border border-accent group-focus-visible:block" />
      {hover ? (
        <span
          role="tooltip"
          data-testid="graph-overview-hover"
          className="pointer-events-none absolute z-10 max-w-64 -translate-x-1/2 truncate rounded-sm border border-line-strong bg-elevated px-1.5 py-0.5 text-xs text-strong shadow"
          style={{ left: hover.x, top: hover.y + 14 }}
        >
          {data.terms[hover.node]} · {t("graph.hover.degree", { degree: data.degrees[hover.node]! })}
        </span>
      ) : null}
    </div>
  );
}
