import type { ReactNode } from "react";
import { Icon, type TIconName } from "../icons";
import { cx } from "./cx";

export function EmptyState({
  icon = "info",
  title,
  children,
  action,
  className,
}: {
  icon?: TIconName;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cx("flex flex-col items-center justify-center gap-2 px-6 py-10 text-center", className)}>
      <span className="mb-1 rounded-full border border-line-strong p-3 text-muted">
        <Icon name={icon} size={22} />
      </span>
      <p className="text-sm font-semibold text-strong">{title}</p>
      {children ? <div className="max-w-md text-[13px] text-muted">{children}</div> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
