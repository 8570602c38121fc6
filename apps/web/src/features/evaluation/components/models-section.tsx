"use client";

import { can } from "@proda/core";
import { useState } from "react";
import { Button, IconButton } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cx } from "@/components/ui/cx";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { CONTROL_CLASS } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { backendLabel } from "@/features/training/lib/labels";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatDateTime, formatRelativeTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TModelDto } from "@/lib/api-types";
import { useModels } from "../hooks/use-models";
import { useDeleteModel } from "../hooks/use-delete-model";
import { useRenameModel } from "../hooks/use-rename-model";
import { modelKindLabel } from "../lib/labels";
import { MODEL_NAME_MAX, validModelName } from "../lib/model-form";
import { isAskable } from "../lib/settings-form";
import { RegisterModelForm } from "./register-model-form";

function RenameCell({ model, onDone }: { model: TModelDto; onDone: () => void }) {
  const t = useT();
  const { projectId } = useWorkbench();
  const rename = useRenameModel(projectId);
  const [name, setName] = useState(model.name);
  const valid = validModelName(name);
  return (
    <form className="flex flex-col gap-1" onSubmit={(event) => { event.preventDefault(); if (valid) rename.mutate({ id: model.id, name: name.trim() }, { onSuccess: onDone }); }}
      onKeyDown={(event) => { if (event.key === "Escape") { event.preventDefault(); onDone(); } }}>
      <span className="flex items-center gap-1">
        <input aria-label={t("models.rename.label")} value={name} maxLength={MODEL_NAME_MAX} onChange={(event) => setName(event.target.value)} autoFocus aria-invalid={!valid || undefined} className={cx(CONTROL_CLASS, "h-6")} />
        <Button size="sm" type="submit" variant="primary" busy={rename.isPending} disabled={!valid}>{t("common.save")}</Button>
        <IconButton icon="close" label={t("common.cancel")} onClick={onDone} />
      </span>
      {rename.error ? <ErrorMessage error={rename.error} /> : null}
    </form>
  );
}

/**
 * The model registry: base, trained and endpoint models with where each comes from; owners and
 * engineers register endpoint models, rename and remove them (a model with finished evaluations
 * is kept: the server says so).
 */
export function ModelsSection({ onEvaluate }: { onEvaluate: (modelId: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const models = useModels(projectId);
  const remove = useDeleteModel(projectId);
  const canManage = can(role, "models.manage");
  const canEvaluate = can(role, "evaluation.run");
  const [registering, setRegistering] = useState(false);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<TModelDto | null>(null);
  const head = "px-3 py-1.5 text-left text-[11px] font-medium text-muted uppercase";

  return (
    <div className="flex flex-col gap-3 overflow-auto" data-testid="models-section">
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-muted">{t("models.description")}</p>
        {canManage ? <Button icon="plus" onClick={() => setRegistering(true)}>{t("models.register")}</Button> : null}
      </div>
      {models.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("models.loading")}</p>
      ) : models.isError ? (
        <ErrorMessage error={models.error} onRetry={() => void models.refetch()} />
      ) : models.data.length === 0 ? (
        <EmptyState icon="evaluation" title={t("models.emptyTitle")} className="rounded-md border border-dashed border-line-strong">{t("models.emptyBody")}</EmptyState>
      ) : (
        <div className="overflow-auto rounded-md border border-line">
          <table className="w-full text-[13px]" data-testid="models-list">
            <caption className="sr-only">{t("models.title")}</caption>
            <thead className="bg-sidebar">
              <tr className="border-b border-line">
                <th scope="col" className={head}>{t("models.name")}</th>
                <th scope="col" className={head}>{t("models.kind")}</th>
                <th scope="col" className={head}>{t("models.served")}</th>
                <th scope="col" className={head}>{t("models.created")}</th>
                <th scope="col" className={head}><span className="sr-only">{t("common.actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {models.data.map((m) => (
                <tr key={m.id} className="border-b border-line/50" data-testid="model-row" data-backend={m.backend}>
                  <td className="px-3 py-1.5">
                    {renamingId === m.id ? <RenameCell model={m} onDone={() => setRenamingId(null)} /> : <span className="font-medium break-all text-strong">{m.name}</span>}
                  </td>
                  <td className="px-3 py-1.5 text-xs">{modelKindLabel(m.kind, t)} · {backendLabel(m.backend, t)}</td>
                  <td className="px-3 py-1.5 text-xs text-fg">
                    {m.providerName ? `${m.providerName}${m.remoteModel ? ` · ${m.remoteModel}` : ""}` : m.hasArtifact ? t("models.artifact") : "—"}
                    {isAskable(m) ? null : <span className="block text-[11px] text-muted">{t("models.notServed")}</span>}
                  </td>
                  <td className="px-3 py-1.5 text-xs text-muted" title={formatDateTime(m.createdAt, locale)}>{formatRelativeTime(m.createdAt, locale)}</td>
                  <td className="px-3 py-1.5">
                    <span className="flex justify-end gap-1">
                      {canEvaluate && isAskable(m) ? <Button size="sm" icon="play" onClick={() => onEvaluate(m.id)}>{t("models.evaluate")}</Button> : null}
                      {canManage && renamingId !== m.id ? <IconButton icon="edit" label={t("models.rename.button", { name: m.name })} onClick={() => setRenamingId(m.id)} /> : null}
                      {canManage ? <IconButton icon="trash" label={t("models.delete.button", { name: m.name })} onClick={() => { remove.reset(); setDeleting(m); }} /> : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Dialog open={registering} onClose={() => setRegistering(false)} title={t("models.form.title")} description={t("models.form.description")}>
        {registering ? <RegisterModelForm onDone={() => setRegistering(false)} onCancel={() => setRegistering(false)} /> : null}
      </Dialog>
      <ConfirmDialog open={!!deleting} title={t("models.delete.title", { name: deleting?.name ?? "" })} confirmLabel={t("models.delete.confirm")} busy={remove.isPending} error={remove.error}
        onClose={() => setDeleting(null)} onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}>
        {t("models.delete.body")}
      </ConfirmDialog>
    </div>
  );
}
