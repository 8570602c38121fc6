import type { ButtonHTMLAttributes, ReactNode } from "react";
import { Icon, type TIconName } from "../icons";
import { cx } from "./cx";
import { Spinner } from "./spinner";

type TVariant = "primary" | "secondary" | "ghost" | "danger";

const VARIANTS: Record<TVariant, string> = {
  primary: "bg-accent text-accent-fg hover:bg-accent-hover border-transparent",
  secondary: "bg-input text-strong border-line-strong hover:bg-hover",
  ghost: "bg-transparent text-fg border-transparent hover:bg-hover",
  danger: "bg-transparent text-danger border-danger/60 hover:bg-danger/10",
};

interface TButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: TVariant;
  size?: "sm" | "md";
  icon?: TIconName;
  busy?: boolean;
  children?: ReactNode;
}

export function buttonClass(variant: TVariant = "secondary", size: "sm" | "md" = "md"): string {
  return cx(
    "inline-flex shrink-0 items-center justify-center gap-1.5 rounded-sm border font-medium whitespace-nowrap",
    "transition-colors disabled:cursor-not-allowed disabled:opacity-50",
    size === "sm" ? "h-6 px-2 text-xs" : "h-7 px-3 text-[13px]",
    VARIANTS[variant],
  );
}

export function Button({
  variant = "secondary",
  size = "md",
  icon,
  busy = false,
  className,
  children,
  disabled,
  type = "button",
  ...rest
}: TButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={cx(buttonClass(variant, size), className)}
      {...rest}
    >
      {busy ? <Spinner size={12} /> : icon ? <Icon name={icon} size={size === "sm" ? 12 : 14} /> : null}
      {children}
    </button>
  );
}

interface TIconButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  icon: TIconName;
  /** Accessible name, also shown as the native tooltip. */
  label: string;
  size?: number;
}

export function IconButton({ icon, label, size = 16, className, type = "button", ...rest }: TIconButtonProps) {
  return (
    <button
      type={type}
      aria-label={label}
      title={label}
      className={cx(
        "inline-flex items-center justify-center rounded-sm p-1 text-muted hover:bg-hover hover:text-strong",
        "disabled:cursor-not-allowed disabled:opacity-40",
        className,
      )}
      {...rest}
    >
      <Icon name={icon} size={size} />
    </button>
  );
}
