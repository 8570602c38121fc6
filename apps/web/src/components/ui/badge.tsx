import type { ReactNode } from "react";
import { cx } from "./cx";

export type TTone = "neutral" | "accent" | "success" | "warning" | "danger" | "info";

const TONES: Record<TTone, string> = {
  neutral: "border-line-strong text-muted",
  accent: "border-accent/60 text-link bg-accent/10",
  success: "border-success/50 text-success bg-success/10",
  warning: "border-warning/50 text-warning bg-warning/10",
  danger: "border-danger/50 text-danger bg-danger/10",
  info: "border-info/50 text-info bg-info/10",
};

export function Badge({ tone = "neutral", children, className }: { tone?: TTone; children: ReactNode; className?: string }) {
  return (
    <span
      className={cx(
        "inline-flex items-center gap-1 rounded-sm border px-1.5 py-px text-[11px] leading-4 font-medium whitespace-nowrap",
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
