"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField, TextField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useProviders } from "@/features/providers/hooks/use-providers";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TModelDto } from "@/lib/api-types";
import { useRegisterModel } from "../hooks/use-register-model";
import { endpointProviders, MODEL_NAME_MAX, modelFormProblems, REGISTRABLE_BACKENDS, registerModelBody, REMOTE_MODEL_MAX, type TModelFormValues } from "../lib/model-form";

/**
 * Registers a model by hand: an OpenAI-compatible endpoint (vLLM, Ollama, a LoRA adapter served by
 * name…) or an OpenAI model, through one of the project's providers (its key stays on the server),
 * or the untrained builtin student as a baseline.
 */
export function RegisterModelForm({ onDone, onCancel }: { onDone: (model: TModelDto) => void; onCancel: () => void }) {
  const t = useT();
  const { projectId } = useWorkbench();
  const providers = useProviders(projectId);
  const register = useRegisterModel(projectId);
  const usable = endpointProviders(providers.data ?? []);
  const [values, setValues] = useState<TModelFormValues>({ name: "", backend: "endpoint", providerId: "", remoteModel: "" });
  const [touched, setTouched] = useState(false);
  const current = { ...values, providerId: values.providerId || usable[0]?.id || "" };
  const problems = modelFormProblems(current, usable);
  const provider = usable.find((p) => p.id === current.providerId);
  const set = <K extends keyof TModelFormValues>(key: K) => (value: TModelFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const shown = (key: (typeof problems)[number]) => touched && problems.includes(key);

  return (
    <form
      className="flex flex-col gap-3"
      data-testid="model-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (problems.length === 0) register.mutate(registerModelBody(current), { onSuccess: onDone });
      }}
    >
      <TextField label={t("models.form.name")} value={values.name} maxLength={MODEL_NAME_MAX} onChange={(event) => set("name")(event.target.value)} error={shown("name") ? t("models.form.nameInvalid") : null} required autoFocus />
      <SelectField label={t("models.form.backend")} value={values.backend} onChange={(event) => set("backend")(event.target.value as TModelFormValues["backend"])} hint={t(`models.form.backend.${values.backend}.hint`)}>
        {REGISTRABLE_BACKENDS.map((b) => <option key={b} value={b}>{t(`models.form.backend.${b}`)}</option>)}
      </SelectField>
      {values.backend === "builtin-student" ? null : providers.isPending ? (
        <p role="status" className="flex items-center gap-2 text-xs text-muted"><Spinner /> {t("models.form.loadingProviders")}</p>
      ) : providers.isError ? (
        <ErrorMessage error={providers.error} onRetry={() => void providers.refetch()} />
      ) : usable.length === 0 ? (
        <ErrorMessage message={t("models.form.noProvider")} />
      ) : (
        <>
          <SelectField label={t("models.form.provider")} value={current.providerId} onChange={(event) => set("providerId")(event.target.value)} error={shown("provider") ? t("models.form.providerInvalid") : null}>
            {usable.map((p) => <option key={p.id} value={p.id}>{p.name}{p.model ? ` · ${p.model}` : ""}</option>)}
          </SelectField>
          <TextField label={t("models.form.remoteModel")} value={values.remoteModel} maxLength={REMOTE_MODEL_MAX} onChange={(event) => set("remoteModel")(event.target.value)}
            placeholder={provider?.model ?? ""} hint={t("models.form.remoteModelHint")} error={shown("remoteModel") ? t("models.form.remoteModelInvalid") : null} />
        </>
      )}
      {register.error ? <ErrorMessage error={register.error} /> : null}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" icon="plus" busy={register.isPending}>{t("models.form.submit")}</Button>
      </div>
    </form>
  );
}
