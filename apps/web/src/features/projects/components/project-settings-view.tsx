"use client";

import { can } from "@proda/core";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Card, ViewFrame } from "@/features/workbench/components/view-frame";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import { useDeleteProject } from "../hooks/use-delete-project";
import { useUpdateProject } from "../hooks/use-update-project";
import { PROJECT_DESCRIPTION_MAX, PROJECT_NAME_MAX } from "./new-project-dialog";

/** General project settings: rename and describe (owners), delete (owners, confirmed by name). */
export function ProjectSettingsView() {
  const t = useT();
  const router = useRouter();
  const { projectId, project, role } = useWorkbench();
  const update = useUpdateProject(projectId);
  const remove = useDeleteProject(projectId);
  const editable = can(role, "project.update");
  const [name, setName] = useState(project.name);
  const [description, setDescription] = useState(project.description);
  const [confirming, setConfirming] = useState(false);
  const [confirmName, setConfirmName] = useState("");
  const dirty = name.trim() !== project.name || description.trim() !== project.description;

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || !dirty) return;
    update.mutate({ name: name.trim(), description: description.trim() });
  };

  return (
    <ViewFrame icon="settings" title={t("views.settings")} description={editable ? t("settings.description") : t("settings.readOnly")}>
      <Card title={t("settings.general")}>
        <form onSubmit={onSave} className="flex flex-col gap-4">
          <TextField label={t("projects.name")} required maxLength={PROJECT_NAME_MAX} value={name} disabled={!editable} onChange={(e) => setName(e.target.value)} error={!name.trim() ? t("projects.nameRequired") : null} />
          <TextAreaField label={t("projects.description")} maxLength={PROJECT_DESCRIPTION_MAX} value={description} disabled={!editable} onChange={(e) => setDescription(e.target.value)} />
          {update.isError ? <ErrorMessage error={update.error} /> : null}
          {editable ? (
            <div className="flex items-center gap-3">
              <Button type="submit" variant="primary" busy={update.isPending} disabled={!dirty || !name.trim()}>
                {t("common.save")}
              </Button>
              {update.isSuccess && !dirty ? (
                <span role="status" className="text-xs text-success">
                  {t("settings.saved")}
                </span>
              ) : null}
            </div>
          ) : null}
        </form>
      </Card>
      {can(role, "project.delete") ? (
        <Card title={t("settings.dangerZone")} className="border-danger/40">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-[13px] text-fg">{t("settings.deleteBody")}</p>
            <Button variant="danger" icon="trash" onClick={() => setConfirming(true)}>
              {t("settings.deleteProject")}
            </Button>
          </div>
        </Card>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t("settings.deleteTitle", { name: project.name })}
        confirmLabel={t("settings.deleteProject")}
        busy={remove.isPending}
        error={remove.error}
        onClose={() => {
          setConfirming(false);
          setConfirmName("");
        }}
        onConfirm={() => {
          if (confirmName !== project.name) return;
          remove.mutate(undefined, { onSuccess: () => router.replace("/projects") });
        }}
      >
        <p className="mb-3">{t("settings.deleteConfirm", { name: project.name })}</p>
        <TextField label={t("settings.typeName")} value={confirmName} onChange={(e) => setConfirmName(e.target.value)} autoComplete="off" />
      </ConfirmDialog>
    </ViewFrame>
  );
}
