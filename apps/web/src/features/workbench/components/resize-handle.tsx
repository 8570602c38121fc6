"use client";

import { useRef } from "react";
import { cx } from "@/components/ui/cx";

/**
 * A draggable, keyboard-operable splitter (role="separator"). `direction` says which way the
 * pointer moves to grow the panel: the side bar grows to the right, the bottom panel grows upwards.
 */
export function ResizeHandle({
  label,
  value,
  min,
  max,
  onChange,
  direction,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  direction: "right" | "up";
}) {
  const start = useRef<{ pointer: number; value: number } | null>(null);
  const vertical = direction === "right";

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={vertical ? "vertical" : "horizontal"}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      onPointerDown={(event) => {
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        start.current = { pointer: vertical ? event.clientX : event.clientY, value };
      }}
      onPointerMove={(event) => {
        if (!start.current) return;
        const delta = (vertical ? event.clientX : event.clientY) - start.current.pointer;
        onChange(start.current.value + (vertical ? delta : -delta));
      }}
      onPointerUp={() => (start.current = null)}
      onPointerCancel={() => (start.current = null)}
      onKeyDown={(event) => {
        const grow = vertical ? "ArrowRight" : "ArrowUp";
        const shrink = vertical ? "ArrowLeft" : "ArrowDown";
        const step = event.shiftKey ? 40 : 10;
        if (event.key === grow || event.key === shrink) {
          event.preventDefault();
          onChange(value + (event.key === grow ? step : -step));
        } else if (event.key === "Home" || event.key === "End") {
          event.preventDefault();
          onChange(event.key === "Home" ? min : max);
        }
      }}
      className={cx(
        "group relative z-10 shrink-0 touch-none focus-visible:outline-none",
        vertical ? "-mx-[2px] w-[5px] cursor-col-resize" : "-my-[2px] h-[5px] cursor-row-resize",
      )}
    >
      <span
        aria-hidden="true"
        className={cx(
          "absolute bg-transparent transition-colors delay-150 group-hover:bg-accent group-focus-visible:bg-accent group-active:bg-accent",
          vertical ? "inset-y-0 left-[2px] w-px" : "inset-x-0 top-[2px] h-px",
        )}
      />
    </div>
  );
}
