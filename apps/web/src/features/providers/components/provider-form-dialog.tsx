"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextField } from "@/components/ui/field";
import { useT } from "@/i18n/i18n-provider";
import type { TProviderDto } from "@/lib/api-types";
import { useCreateProvider } from "../hooks/use-create-provider";
import { useUpdateProvider } from "../hooks/use-update-provider";
import type { TProviderInput, TProviderKind } from "../lib/provider-input";
import { limitValuesOf, parseLimitValues, ProviderLimitsFields } from "./provider-limits-fields";

/**
 * Add or edit a provider. The API key is write-only: the field always starts empty, an empty field
 * keeps the stored key, and removing it is an explicit choice.
 */
export function ProviderFormDialog({
  projectId,
  provider,
  open,
  onClose,
}: {
  projectId: string;
  provider: TProviderDto | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const create = useCreateProvider(projectId);
  const update = useUpdateProvider(projectId);
  const mutation = provider ? update : create;
  const [name, setName] = useState(provider?.name ?? "");
  const [kind, setKind] = useState<TProviderKind>(provider?.kind ?? "openai-compatible");
  const [baseUrl, setBaseUrl] = useState(provider?.baseUrl ?? "");
  const [model, setModel] = useState(provider?.model ?? "");
  const [secret, setSecret] = useState("");
  const [clearSecret, setClearSecret] = useState(false);
  const [isDefault, setIsDefault] = useState(provider?.isDefault ?? false);
  const [submitted, setSubmitted] = useState(false);
  const [limits, setLimits] = useState(() => limitValuesOf(provider));

  const remote = kind === "openai-compatible";
  const nameError = submitted && !name.trim() ? t("providers.nameRequired") : null;
  const urlError = submitted && remote && !baseUrl.trim() ? t("providers.baseUrlRequired") : null;
  const { parsed: limitNumbers, invalid: invalidLimits } = parseLimitValues(limits);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim() || (remote && (!baseUrl.trim() || invalidLimits.length > 0))) return;
    const input: TProviderInput = { name: name.trim(), kind, isDefault };
    if (remote) {
      input.baseUrl = baseUrl.trim();
      input.model = model.trim() || null;
      Object.assign(input, limitNumbers);
      if (clearSecret) input.secret = "";
      else if (secret) input.secret = secret;
    }
    const done = { onSuccess: onClose };
    if (provider) update.mutate({ providerId: provider.id, input }, done);
    else create.mutate(input, done);
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={provider ? t("providers.editTitle", { name: provider.name }) : t("providers.addTitle")}
      description={t("providers.formDescription")}
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <TextField label={t("providers.name")} required autoFocus value={name} error={nameError} onChange={(e) => setName(e.target.value)} />
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 text-xs font-medium text-strong">{t("providers.kind")}</legend>
          {(["openai-compatible", "builtin"] as const).map((value) => (
            <label key={value} className="flex items-start gap-2 text-[13px]">
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} className="mt-1 accent-[var(--accent)]" />
              <span>
                <span className="text-strong">{value === "builtin" ? t("providers.kindBuiltin") : t("providers.kindOpenAi")}</span>
                <span className="block text-xs text-muted">
                  {value === "builtin" ? t("providers.kindBuiltinHint") : t("providers.kindOpenAiHint")}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        {remote ? (
          <>
            <TextField label={t("providers.baseUrl")} type="url" required value={baseUrl} error={urlError} placeholder="https://api.openai.com/v1" onChange={(e) => setBaseUrl(e.target.value)} />
            <TextField label={t("providers.model")} value={model} placeholder="gpt-4o-mini" onChange={(e) => setModel(e.target.value)} />
            <TextField
              label={provider?.secretMasked ? t("providers.replaceKey") : t("providers.apiKey")}
              type="password"
              autoComplete="new-password"
              value={secret}
              disabled={clearSecret}
              placeholder={provider?.secretMasked ? t("providers.keepKeyPlaceholder") : "sk-…"}
              hint={provider?.secretMasked ? t("providers.currentKey", { masked: provider.secretMasked }) : t("providers.keyHint")}
              onChange={(e) => setSecret(e.target.value)}
            />
            {provider?.secretMasked ? (
              <label className="flex items-center gap-2 text-[13px]">
                <input type="checkbox" checked={clearSecret} onChange={(e) => setClearSecret(e.target.checked)} className="accent-[var(--accent)]" />
                {t("providers.removeKey")}
              </label>
            ) : null}
            <ProviderLimitsFields values={limits} invalid={submitted ? invalidLimits : []} onChange={setLimits} />
          </>
        ) : null}
        <label className="flex items-center gap-2 text-[13px]">
          <input type="checkbox" checked={isDefault} onChange={(e) => setIsDefault(e.target.checked)} className="accent-[var(--accent)]" />
          {t("providers.makeDefault")}
        </label>
        {mutation.isError ? <ErrorMessage error={mutation.error} /> : null}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" variant="primary" busy={mutation.isPending}>
            {provider ? t("common.save") : t("providers.add")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
