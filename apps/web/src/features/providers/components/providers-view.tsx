"use client";

import { can } from "@proda/core";
import { useState } from "react";
import { Icon } from "@/components/icons";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { ViewFrame } from "@/features/workbench/components/view-frame";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatRelativeTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TProviderDto } from "@/lib/api-types";
import { useDeleteProvider } from "../hooks/use-delete-provider";
import { useProviders } from "../hooks/use-providers";
import { ProviderFormDialog } from "./provider-form-dialog";
import { ProviderKindBadge } from "./provider-kind-badge";

type TEditing = { provider: TProviderDto | null } | null;

export function ProvidersView() {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const readable = can(role, "providers.read");
  const manage = can(role, "providers.manage");
  const providers = useProviders(projectId, { enabled: readable });
  const remove = useDeleteProvider(projectId);
  const [editing, setEditing] = useState<TEditing>(null);
  const [deleting, setDeleting] = useState<TProviderDto | null>(null);

  const addButton = manage ? (
    <Button variant="primary" icon="plus" onClick={() => setEditing({ provider: null })}>
      {t("providers.add")}
    </Button>
  ) : null;

  return (
    <ViewFrame icon="providers" title={t("views.providers")} description={t("providers.description")} actions={providers.data?.length ? addButton : null}>
      {!readable ? (
        <EmptyState icon="key" title={t("providers.noAccessTitle")}>
          {t("providers.noAccessBody")}
        </EmptyState>
      ) : providers.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted">
          <Spinner /> {t("providers.loading")}
        </p>
      ) : providers.isError ? (
        <ErrorMessage error={providers.error} onRetry={() => void providers.refetch()} />
      ) : providers.data.length === 0 ? (
        <EmptyState icon="providers" title={t("providers.emptyTitle")} action={addButton} className="rounded-md border border-dashed border-line-strong">
          {t("providers.emptyBody")}
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-2" aria-label={t("views.providers")}>
          {providers.data.map((provider) => (
            <li key={provider.id} className="flex flex-wrap items-center gap-4 rounded-md border border-line bg-sidebar/60 px-4 py-3">
              <Icon name="providers" size={18} className="text-muted" />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold text-strong">{provider.name}</span>
                  <ProviderKindBadge kind={provider.kind} />
                  {provider.isDefault ? (
                    <Badge tone="accent">
                      <Icon name="star" size={10} /> {t("providers.default")}
                    </Badge>
                  ) : null}
                </div>
                <dl className="mt-1 flex flex-wrap gap-x-5 gap-y-0.5 text-xs text-muted">
                  {provider.kind === "openai-compatible" ? (
                    <>
                      <div className="flex gap-1">
                        <dt>{t("providers.baseUrl")}:</dt>
                        <dd className="font-mono text-fg">{provider.baseUrl ?? "—"}</dd>
                      </div>
                      <div className="flex gap-1">
                        <dt>{t("providers.model")}:</dt>
                        <dd className="font-mono text-fg">{provider.model ?? "—"}</dd>
                      </div>
                      <div className="flex gap-1">
                        <dt>{t("providers.apiKey")}:</dt>
                        <dd className="font-mono text-fg">{provider.secretMasked ?? t("providers.noKey")}</dd>
                      </div>
                    </>
                  ) : (
                    <dd>{t("providers.kindBuiltinHint")}</dd>
                  )}
                  <div className="flex gap-1">
                    <dt>{t("providers.updated")}:</dt>
                    <dd>{formatRelativeTime(provider.updatedAt, locale)}</dd>
                  </div>
                </dl>
              </div>
              {manage ? (
                <div className="flex gap-1">
                  <Button size="sm" icon="edit" onClick={() => setEditing({ provider })} aria-label={t("providers.editNamed", { name: provider.name })}>
                    {t("common.edit")}
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    icon="trash"
                    aria-label={t("providers.deleteNamed", { name: provider.name })}
                    onClick={() => {
                      remove.reset();
                      setDeleting(provider);
                    }}
                  >
                    {t("common.delete")}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <ProviderFormDialog
          key={editing.provider?.id ?? "new"}
          projectId={projectId}
          provider={editing.provider}
          open
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t("providers.deleteTitle")}
        confirmLabel={t("common.delete")}
        busy={remove.isPending}
        error={remove.error}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        {deleting ? t("providers.deleteBody", { name: deleting.name }) : null}
      </ConfirmDialog>
    </ViewFrame>
  );
}
