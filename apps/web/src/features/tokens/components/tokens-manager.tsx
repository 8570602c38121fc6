"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField, TextField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { formatDateTime, formatRelativeTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TApiTokenDto } from "@/lib/api-types";
import { useCreateToken } from "../hooks/use-create-token";
import { useRevokeToken } from "../hooks/use-revoke-token";
import { useTokens } from "../hooks/use-tokens";
import { TokenSecretCallout } from "./token-secret-callout";

const EXPIRY_DAYS = [7, 30, 90, 365] as const;

/** Personal API tokens for the CLI and REST API: list, create (secret shown once), revoke. */
export function TokensManager() {
  const t = useT();
  const { locale } = useLocale();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState("");
  const [expires, setExpires] = useState("90");
  const [revoking, setRevoking] = useState<TApiTokenDto | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    const expiresInDays = expires === "never" ? undefined : Number(expires);
    create.mutate(
      { name: name.trim(), expiresInDays },
      {
        onSuccess: ({ token, secret }) => {
          setCreated({ name: token.name, secret });
          setName("");
          create.reset(); // keep the secret out of the mutation cache
        },
      },
    );
  };

  return (
    <div className="flex flex-col gap-5">
      {created ? <TokenSecretCallout name={created.name} secret={created.secret} onDismiss={() => setCreated(null)} /> : null}
      <form onSubmit={onSubmit} aria-label={t("tokens.createTitle")} className="flex flex-wrap items-end gap-3 rounded-md border border-line bg-sidebar/60 p-4">
        <TextField label={t("tokens.name")} required value={name} placeholder={t("tokens.namePlaceholder")} onChange={(e) => setName(e.target.value)} containerClassName="min-w-56 flex-1" />
        <SelectField label={t("tokens.expires")} value={expires} onChange={(e) => setExpires(e.target.value)} containerClassName="w-40">
          {EXPIRY_DAYS.map((days) => (
            <option key={days} value={days}>
              {t("tokens.days", { count: days })}
            </option>
          ))}
          <option value="never">{t("tokens.never")}</option>
        </SelectField>
        <Button type="submit" variant="primary" icon="key" busy={create.isPending} disabled={!name.trim()}>
          {t("tokens.create")}
        </Button>
        {create.isError ? <ErrorMessage error={create.error} className="w-full" /> : null}
      </form>

      {tokens.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted">
          <Spinner /> {t("tokens.loading")}
        </p>
      ) : tokens.isError ? (
        <ErrorMessage error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <EmptyState icon="key" title={t("tokens.emptyTitle")}>
          {t("tokens.emptyBody")}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-md border border-line">
          <table className="w-full text-[13px]">
            <caption className="sr-only">{t("views.tokens")}</caption>
            <thead className="bg-sidebar text-left text-[11px] text-muted uppercase">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">{t("tokens.name")}</th>
                <th scope="col" className="px-3 py-1.5 font-medium">{t("tokens.prefix")}</th>
                <th scope="col" className="px-3 py-1.5 font-medium">{t("tokens.created")}</th>
                <th scope="col" className="px-3 py-1.5 font-medium">{t("tokens.lastUsed")}</th>
                <th scope="col" className="px-3 py-1.5 font-medium">{t("tokens.expires")}</th>
                <th scope="col" className="px-3 py-1.5"><span className="sr-only">{t("common.actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => {
                const expired = token.expiresAt !== null && new Date(token.expiresAt).getTime() < Date.now();
                return (
                  <tr key={token.id} className="border-t border-line">
                    <td className="px-3 py-1.5 text-strong">{token.name}</td>
                    <td className="px-3 py-1.5 font-mono text-xs text-fg">{token.prefix}…</td>
                    <td className="px-3 py-1.5 text-xs text-muted">{formatDateTime(token.createdAt, locale)}</td>
                    <td className="px-3 py-1.5 text-xs text-muted">{token.lastUsedAt ? formatRelativeTime(token.lastUsedAt, locale) : t("tokens.neverUsed")}</td>
                    <td className={`px-3 py-1.5 text-xs ${expired ? "text-danger" : "text-muted"}`}>
                      {token.expiresAt ? (expired ? t("tokens.expired") : formatDateTime(token.expiresAt, locale)) : t("tokens.never")}
                    </td>
                    <td className="px-3 py-1.5 text-right">
                      <Button
                        size="sm"
                        variant="ghost"
                        icon="trash"
                        aria-label={t("tokens.revokeNamed", { name: token.name })}
                        onClick={() => {
                          revoke.reset();
                          setRevoking(token);
                        }}
                      >
                        {t("tokens.revoke")}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t("tokens.revokeTitle")}
        confirmLabel={t("tokens.revoke")}
        busy={revoke.isPending}
        error={revoke.error}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      >
        {revoking ? t("tokens.revokeBody", { name: revoking.name }) : null}
      </ConfirmDialog>
    </div>
  );
}
