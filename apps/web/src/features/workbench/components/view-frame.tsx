import type { ReactNode } from "react";
import { Icon, type TIconName } from "@/components/icons";
import { cx } from "@/components/ui/cx";

/** The common layout of an editor view: a titled header with actions, then scrolling content. */
export function ViewFrame({
  icon,
  title,
  description,
  actions,
  children,
  wide = false,
}: {
  icon: TIconName;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={cx("mx-auto flex w-full flex-col gap-5 px-6 py-5", wide ? "max-w-none" : "max-w-5xl")}>
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-line pb-4">
        <div className="flex min-w-0 items-start gap-3">
          <Icon name={icon} size={22} className="mt-0.5 shrink-0 text-link" />
          <div className="min-w-0">
            <h2 className="truncate text-lg font-semibold text-strong">{title}</h2>
            {description ? <div className="mt-0.5 text-[13px] text-muted">{description}</div> : null}
          </div>
        </div>
        {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
      </header>
      {children}
    </div>
  );
}

export function Card({ title, children, className }: { title?: string; children: ReactNode; className?: string }) {
  return (
    <section className={cx("rounded-md border border-line bg-sidebar/60", className)}>
      {title ? <h3 className="border-b border-line px-4 py-2 text-xs font-semibold tracking-wide text-muted uppercase">{title}</h3> : null}
      <div className="p-4">{children}</div>
    </section>
  );
}
