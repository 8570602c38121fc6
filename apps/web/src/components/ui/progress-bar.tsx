import { cx } from "./cx";

/** `value` is 0..1; null draws an indeterminate bar (queued, or progress not reported yet). */
export function ProgressBar({
  value,
  label,
  tone = "accent",
  className,
}: {
  value: number | null;
  label: string;
  tone?: "accent" | "success" | "danger" | "muted";
  className?: string;
}) {
  const percent = value === null ? undefined : Math.round(Math.min(1, Math.max(0, value)) * 100);
  const color = { accent: "bg-accent", success: "bg-success", danger: "bg-danger", muted: "bg-muted" }[tone];
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={cx("relative h-1.5 w-full overflow-hidden rounded-full bg-line-strong/60", className)}
    >
      {percent === undefined ? (
        <div className={cx("absolute inset-y-0 w-2/5 animate-[proda-indeterminate_1.2s_ease-in-out_infinite]", color)} />
      ) : (
        <div className={cx("h-full transition-[width] duration-300", color)} style={{ width: `${percent}%` }} />
      )}
    </div>
  );
}
