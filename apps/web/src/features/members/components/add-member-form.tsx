"use client";

import { ROLES, type TRole } from "@proda/core";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField, TextField } from "@/components/ui/field";
import { useT } from "@/i18n/i18n-provider";
import { useAddMember } from "../hooks/use-add-member";

export function AddMemberForm({ projectId }: { projectId: string }) {
  const t = useT();
  const add = useAddMember(projectId);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<TRole>("viewer");

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) return;
    add.mutate({ email: email.trim(), role }, { onSuccess: () => setEmail("") });
  };

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label={t("members.addTitle")}>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label={t("members.email")}
          type="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          placeholder="name@example.com"
          containerClassName="min-w-64 flex-1"
        />
        <SelectField
          label={t("members.role")}
          value={role}
          onChange={(event) => setRole(event.target.value as TRole)}
          containerClassName="w-40"
        >
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`roles.${value}`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" icon="plus" busy={add.isPending}>
          {t("members.add")}
        </Button>
      </div>
      <p className="text-xs text-muted">{t("members.addHint")}</p>
      {add.isError ? <ErrorMessage error={add.error} /> : null}
      {add.isSuccess ? (
        <p role="status" className="text-xs text-success">
          {t("members.added", { email: add.data.email })}
        </p>
      ) : null}
    </form>
  );
}
