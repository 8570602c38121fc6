"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorMessage } from "@/components/ui/error-message";
import { Card } from "@/features/workbench/components/view-frame";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { en } from "@/i18n/messages";
import type { TMessageKey } from "@/i18n/translate";
import { ApiError } from "@/lib/api-client";
import type { TCorpusSettingsDto } from "@/lib/api-types";
import { useUpdateCorpusSettings } from "../hooks/use-update-corpus-settings";
import { formatBytes } from "../lib/format-bytes";
import { describeFields, fromFormValues, serverFieldErrors, toFormValues, type TFieldError, type TFormValues } from "../lib/settings-form";
import { SettingField } from "./settings-field";

const known = (key: string): key is TMessageKey => key in en;

/** Chunking, quality-filter and deduplication settings (corpus.manage); apply to documents processed next. */
export function CorpusSettingsForm({ projectId, settings }: { projectId: string; settings: TCorpusSettingsDto }) {
  const t = useT();
  const { locale } = useLocale();
  const update = useUpdateCorpusSettings(projectId);
  const initial = useMemo(() => toFormValues(settings), [settings]);
  const [values, setValues] = useState<TFormValues>(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, TFieldError>>({});
  const [saved, setSaved] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const fields = useMemo(() => describeFields(settings), [settings]);
  const dirty = fields.some((f) => values[f.key] !== initial[f.key]);

  const server = update.error instanceof ApiError && update.error.code === "validation_failed" ? serverFieldErrors(update.error.details) : null;
  const errorOf = (key: string): string | null => {
    const client = clientErrors[key];
    if (client) return t(`corpus.settings.error.${client.key}`, client.vars);
    return server?.fields[key] ?? null;
  };

  const groups = [...new Set(fields.filter((f) => f.group !== null).map((f) => f.group!))];
  const set = (key: string, value: string | boolean) => {
    setSaved(false);
    setValues((current) => ({ ...current, [key]: value }));
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const result = fromFormValues(settings, values);
    setClientErrors(result.errors);
    if (!result.settings) return;
    update.mutate(result.settings, {
      onSuccess: (next) => {
        setValues(toFormValues(next));
        setSaved(true);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("corpus.settings.title")} className="flex flex-col gap-4">
      <p className="text-[13px] text-muted">{t("corpus.settings.description")}</p>
      <Card title={t("corpus.settings.chunking")}>
        <div className="grid gap-4 sm:grid-cols-3">
          {fields.filter((f) => f.group === null).map((field) => (
            <SettingField key={field.key} field={field} value={values[field.key] ?? ""} error={errorOf(field.key)} onChange={(v) => set(field.key, v)} />
          ))}
        </div>
        <p className="mt-3 text-xs text-muted">{t("corpus.settings.maxUpload", { size: formatBytes(settings.maxUploadBytes, locale) })}</p>
      </Card>
      {server?.fields.quality ? <ErrorMessage message={server.fields.quality} /> : null}
      <div className="grid gap-4 xl:grid-cols-2">
        {groups.map((group) => {
          const groupFields = fields.filter((f) => f.group === group);
          const enabled = groupFields.find((f) => f.name === "enabled");
          const off = enabled ? values[enabled.key] !== true : false;
          const titleKey = `corpus.settings.group.${group}`;
          const bodyKey = `corpus.settings.groupHint.${group}`;
          return (
            <Card key={group} title={known(titleKey) ? t(titleKey) : group}>
              <div className="flex flex-col gap-3">
                {known(bodyKey) ? <p className="text-xs text-muted">{t(bodyKey)}</p> : null}
                {enabled ? (
                  <SettingField field={enabled} value={values[enabled.key] ?? false} onChange={(v) => set(enabled.key, v)} />
                ) : null}
                <div className="grid gap-3 sm:grid-cols-2">
                  {groupFields.filter((f) => f !== enabled).map((field) => (
                    <SettingField key={field.key} field={field} value={values[field.key] ?? ""} error={errorOf(field.key)} disabled={off} onChange={(v) => set(field.key, v)} />
                  ))}
                </div>
              </div>
            </Card>
          );
        })}
      </div>
      {update.error && !server ? <ErrorMessage error={update.error} /> : null}
      {server?.form.length ? <ErrorMessage message={server.form.join(" ")} /> : null}
      {Object.keys(clientErrors).length ? <ErrorMessage message={t("corpus.settings.fixErrors")} /> : null}
      <div className="sticky bottom-0 flex flex-wrap items-center justify-end gap-2 border-t border-line bg-surface py-3">
        <span role="status" className="mr-auto text-xs text-success">{saved && !dirty ? t("corpus.settings.saved") : ""}</span>
        <Button variant="ghost" icon="refresh" onClick={() => { update.reset(); setConfirmReset(true); }}>
          {t("corpus.settings.reset")}
        </Button>
        <Button variant="ghost" disabled={!dirty} onClick={() => { setValues(initial); setClientErrors({}); update.reset(); }}>
          {t("corpus.settings.discard")}
        </Button>
        <Button type="submit" variant="primary" icon="check" busy={update.isPending} disabled={!dirty}>
          {t("common.save")}
        </Button>
      </div>
      <ConfirmDialog
        open={confirmReset}
        title={t("corpus.settings.resetTitle")}
        confirmLabel={t("corpus.settings.reset")}
        busy={update.isPending}
        error={update.error}
        onClose={() => setConfirmReset(false)}
        onConfirm={() =>
          update.mutate({}, {
            onSuccess: (next) => {
              setValues(toFormValues(next));
              setClientErrors({});
              setConfirmReset(false);
              setSaved(true);
            },
          })
        }
      >
        {t("corpus.settings.resetBody")}
      </ConfirmDialog>
    </form>
  );
}
