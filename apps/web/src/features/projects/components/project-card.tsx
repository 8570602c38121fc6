"use client";

import Link from "next/link";
import { RoleBadge } from "@/components/role-badge";
import { Icon } from "@/components/icons";
import { formatRelativeTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TProjectDto } from "@/lib/api-types";

export function ProjectCard({ project }: { project: TProjectDto }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <li>
      <Link
        href={`/projects/${encodeURIComponent(project.id)}`}
        className="group flex h-full flex-col gap-2 rounded-md border border-line bg-surface p-4 transition-colors hover:border-accent/70 hover:bg-hover focus-visible:border-accent"
      >
        <div className="flex items-start justify-between gap-3">
          <span className="flex min-w-0 items-center gap-2">
            <Icon name="explorer" size={16} className="shrink-0 text-link" />
            <span className="truncate text-sm font-semibold text-strong group-hover:underline">{project.name}</span>
          </span>
          <RoleBadge role={project.role} />
        </div>
        <p className="line-clamp-2 min-h-[2.6em] text-[13px] text-muted">
          {project.description || t("projects.noDescription")}
        </p>
        <p className="mt-auto text-xs text-muted">
          {t("projects.updated", { when: formatRelativeTime(project.updatedAt, locale) })}
        </p>
      </Link>
    </li>
  );
}
