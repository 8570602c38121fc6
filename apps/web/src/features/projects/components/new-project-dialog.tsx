"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useT } from "@/i18n/i18n-provider";
import type { TProjectDto } from "@/lib/api-types";
import { useCreateProject } from "../hooks/use-create-project";

export const PROJECT_NAME_MAX = 120;
export const PROJECT_DESCRIPTION_MAX = 2000;

export function NewProjectDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (project: TProjectDto) => void;
}) {
  const t = useT();
  const create = useCreateProject();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [touched, setTouched] = useState(false);
  const nameError = touched && !name.trim() ? t("projects.nameRequired") : null;

  const resetForm = () => {
    setName("");
    setDescription("");
    setTouched(false);
    create.reset();
  };
  const close = () => {
    resetForm();
    onClose();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), description: description.trim() || undefined },
      {
        onSuccess: (project) => {
          resetForm();
          onCreated(project);
        },
      },
    );
  };

  return (
    <Dialog open={open} onClose={close} title={t("projects.newTitle")} description={t("projects.newDescription")}>
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <TextField
          label={t("projects.name")}
          required
          autoFocus
          maxLength={PROJECT_NAME_MAX}
          value={name}
          error={nameError}
          placeholder={t("projects.namePlaceholder")}
          onChange={(event) => setName(event.target.value)}
          onBlur={() => setTouched(true)}
        />
        <TextAreaField
          label={t("projects.description")}
          hint={t("projects.descriptionHint")}
          maxLength={PROJECT_DESCRIPTION_MAX}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
        {create.error ? <ErrorMessage error={create.error} /> : null}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={close}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            {t("projects.create")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
