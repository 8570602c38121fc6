"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { AppHeader } from "@/components/app-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { CONTROL_CLASS } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { AuthGate } from "@/features/auth/components/auth-gate";
import { useT } from "@/i18n/i18n-provider";
import { useProjects } from "../hooks/use-projects";
import { NewProjectDialog } from "./new-project-dialog";
import { ProjectCard } from "./project-card";

export function ProjectsPage() {
  return (
    <div className="flex h-full flex-col">
      <AppHeader />
      <AuthGate>
        <ProjectList />
      </AuthGate>
    </div>
  );
}

function ProjectList() {
  const t = useT();
  const router = useRouter();
  const projects = useProjects();
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState("");

  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const all = projects.data ?? [];
    if (!needle) return all;
    return all.filter((p) => `${p.name} ${p.description}`.toLowerCase().includes(needle));
  }, [projects.data, filter]);

  const newButton = (
    <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
      {t("projects.new")}
    </Button>
  );

  return (
    <main className="mx-auto w-full max-w-6xl flex-1 overflow-y-auto px-6 py-8">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold text-strong">{t("projects.title")}</h1>
          <p className="mt-1 text-[13px] text-muted">{t("projects.subtitle")}</p>
        </div>
        <div className="flex items-center gap-2">
          {projects.data && projects.data.length > 0 ? (
            <input
              type="search"
              aria-label={t("projects.filter")}
              placeholder={t("projects.filter")}
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              className={`${CONTROL_CLASS} h-7 w-56`}
            />
          ) : null}
          {newButton}
        </div>
      </div>

      {projects.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted">
          <Spinner /> {t("projects.loading")}
        </p>
      ) : projects.isError ? (
        <ErrorMessage error={projects.error} onRetry={() => void projects.refetch()} />
      ) : projects.data.length === 0 ? (
        <EmptyState icon="explorer" title={t("projects.emptyTitle")} action={newButton} className="rounded-md border border-dashed border-line-strong">
          {t("projects.emptyBody")}
        </EmptyState>
      ) : visible.length === 0 ? (
        <EmptyState icon="search" title={t("projects.noMatchTitle")}>
          {t("projects.noMatchBody", { filter })}
        </EmptyState>
      ) : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t("projects.title")}>
          {visible.map((project) => (
            <ProjectCard key={project.id} project={project} />
          ))}
        </ul>
      )}

      <NewProjectDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(project) => {
          setCreating(false);
          router.push(`/projects/${encodeURIComponent(project.id)}`);
        }}
      />
    </main>
  );
}
