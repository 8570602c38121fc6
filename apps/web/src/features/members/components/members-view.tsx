"use client";

import { can, ROLES, type TRole } from "@proda/core";
import { useState } from "react";
import { RoleBadge } from "@/components/role-badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorMessage } from "@/components/ui/error-message";
import { CONTROL_CLASS } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useMe } from "@/features/auth/hooks/use-me";
import { Card, ViewFrame } from "@/features/workbench/components/view-frame";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatDateTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TMemberDto } from "@/lib/api-types";
import { useMembers } from "../hooks/use-members";
import { useRemoveMember } from "../hooks/use-remove-member";
import { useUpdateMemberRole } from "../hooks/use-update-member-role";
import { AddMemberForm } from "./add-member-form";

export function MembersView() {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const me = useMe();
  const members = useMembers(projectId);
  const updateRole = useUpdateMemberRole(projectId);
  const remove = useRemoveMember(projectId);
  const [removing, setRemoving] = useState<TMemberDto | null>(null);
  const manage = can(role, "members.manage");

  return (
    <ViewFrame
      icon="members"
      title={t("views.members")}
      description={manage ? t("members.descriptionOwner") : t("members.descriptionReadOnly")}
    >
      {manage ? (
        <Card title={t("members.addTitle")}>
          <AddMemberForm projectId={projectId} />
        </Card>
      ) : null}
      {updateRole.isError ? <ErrorMessage error={updateRole.error} /> : null}
      {members.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted">
          <Spinner /> {t("members.loading")}
        </p>
      ) : members.isError ? (
        <ErrorMessage error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <div className="overflow-x-auto rounded-md border border-line">
          <table className="w-full text-[13px]">
            <caption className="sr-only">{t("views.members")}</caption>
            <thead className="bg-sidebar text-left text-[11px] text-muted uppercase">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">{t("members.name")}</th>
                <th scope="col" className="px-3 py-1.5 font-medium">{t("members.email")}</th>
                <th scope="col" className="px-3 py-1.5 font-medium">{t("members.role")}</th>
                <th scope="col" className="px-3 py-1.5 font-medium">{t("members.since")}</th>
                {manage ? <th scope="col" className="px-3 py-1.5"><span className="sr-only">{t("common.actions")}</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {members.data.map((member) => {
                const isMe = member.userId === me.data?.id;
                return (
                  <tr key={member.userId} className="border-t border-line">
                    <td className="px-3 py-1.5 text-strong">
                      {member.name}
                      {isMe ? <span className="ml-1.5 text-xs text-muted">({t("members.you")})</span> : null}
                    </td>
                    <td className="px-3 py-1.5 text-fg">{member.email}</td>
                    <td className="px-3 py-1.5">
                      {manage ? (
                        <select
                          aria-label={t("members.roleOf", { name: member.name || member.email })}
                          value={member.role}
                          disabled={updateRole.isPending && updateRole.variables?.userId === member.userId}
                          onChange={(event) => updateRole.mutate({ userId: member.userId, role: event.target.value as TRole })}
                          className={`${CONTROL_CLASS} h-6 w-32 text-xs`}
                        >
                          {ROLES.map((value) => (
                            <option key={value} value={value}>
                              {t(`roles.${value}`)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <RoleBadge role={member.role} />
                      )}
                    </td>
                    <td className="px-3 py-1.5 text-xs text-muted">{formatDateTime(member.createdAt, locale)}</td>
                    {manage ? (
                      <td className="px-3 py-1.5 text-right">
                        <Button
                          size="sm"
                          variant="ghost"
                          icon="trash"
                          aria-label={t("members.removeNamed", { name: member.name || member.email })}
                          onClick={() => {
                            remove.reset();
                            setRemoving(member);
                          }}
                        >
                          {t("members.remove")}
                        </Button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t("members.removeTitle")}
        confirmLabel={t("members.remove")}
        busy={remove.isPending}
        error={remove.error}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing.userId, { onSuccess: () => setRemoving(null) })}
      >
        {removing ? t("members.removeBody", { name: removing.name || removing.email }) : null}
      </ConfirmDialog>
    </ViewFrame>
  );
}
