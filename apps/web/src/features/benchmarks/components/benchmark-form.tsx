"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField, TextField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { readReport } from "@/features/knowledge/lib/report";
import { providerLabel } from "@/features/knowledge/lib/knowledge-labels";
import { useProviders } from "@/features/providers/hooks/use-providers";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TBenchmarkDto, TKnowledgeVersionDto } from "@/lib/api-types";
import { useCreateBenchmark } from "../hooks/use-create-benchmark";
import { modeLabel } from "../lib/labels";
import { createBody, DEFAULT_SETTINGS, invalidSettings, SETTING_BOUNDS, type TSettingsValues } from "../lib/settings-form";
import { KnowledgeVersionSelect } from "./knowledge-version-select";
import { NumberInput } from "./number-input";

/**
 * A new benchmark: the knowledge version (ready ones, newest first), provider, option count, mode,
 * items per chain, seed and disciplines (none ticked = all); the rest under "Advanced".
 */
export function BenchmarkForm({ versions, onStarted, onCancel }: { versions: TKnowledgeVersionDto[]; onStarted: (benchmark: TBenchmarkDto) => void; onCancel?: () => void }) {
  const t = useT();
  const { projectId } = useWorkbench();
  const providers = useProviders(projectId);
  const create = useCreateBenchmark(projectId);
  const [versionId, setVersionId] = useState(versions[0]?.id ?? "");
  const [name, setName] = useState("");
  const [providerId, setProviderId] = useState<string | null>(null);
  const [settings, setSettings] = useState<TSettingsValues>(DEFAULT_SETTINGS);
  const [picked, setPicked] = useState<string[]>([]);
  const list = providers.data ?? [];
  const provider = list.find((p) => p.id === providerId) ?? list.find((p) => p.isDefault) ?? list[0];
  const version = versions.find((v) => v.id === versionId) ?? versions[0];
  const disciplines = readReport(version)?.disciplines.map((d) => d.discipline) ?? [];
  const invalid = invalidSettings(settings);
  const set = <K extends keyof TSettingsValues>(key: K) => (value: TSettingsValues[K]) => setSettings((current) => ({ ...current, [key]: value }));
  const problem = (key: keyof TSettingsValues) => (invalid.includes(key) ? t("benchmarks.form.outOfRange") : null);
  const bounds = (key: keyof typeof SETTING_BOUNDS) => ({ min: SETTING_BOUNDS[key][0], max: SETTING_BOUNDS[key][1] });

  return (
    <form
      className="flex flex-col gap-4"
      data-testid="benchmark-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!version || invalid.length) return;
        create.mutate(
          createBody({ knowledgeVersionId: version.id, name, providerId: provider?.id, settings, disciplines: picked.filter((d) => disciplines.includes(d)) }),
          { onSuccess: onStarted },
        );
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <KnowledgeVersionSelect versions={versions} value={version?.id ?? ""} onChange={(id) => { setVersionId(id); setPicked([]); }} />
        <TextField label={t("benchmarks.form.name")} value={name} onChange={(event) => setName(event.target.value)} maxLength={120} placeholder={t("benchmarks.form.namePlaceholder")} />
        {providers.isPending ? (
          <p role="status" className="flex items-center gap-2 text-xs text-muted"><Spinner size={10} /> {t("knowledge.run.loadingProviders")}</p>
        ) : providers.isError ? (
          <ErrorMessage error={providers.error} onRetry={() => void providers.refetch()} />
        ) : list.length ? (
          <SelectField label={t("benchmarks.form.provider")} value={provider?.id ?? ""} onChange={(event) => setProviderId(event.target.value)} hint={t("benchmarks.form.providerHint")}>
            {list.map((p) => (
              <option key={p.id} value={p.id}>{providerLabel(p, t)}{p.isDefault ? ` — ${t("knowledge.run.default")}` : ""}</option>
            ))}
          </SelectField>
        ) : null}
        <SelectField label={t("benchmarks.form.mode")} value={settings.mode} onChange={(event) => set("mode")(event.target.value as TSettingsValues["mode"])} hint={t("benchmarks.form.modeHint")}>
          {(["mixed", "single", "multi"] as const).map((mode) => <option key={mode} value={mode}>{modeLabel(mode, t)}</option>)}
        </SelectField>
        <NumberInput label={t("benchmarks.form.optionCount")} value={settings.optionCount} onChange={set("optionCount")} {...bounds("optionCount")} invalid={problem("optionCount")} />
        {settings.mode === "mixed" ? (
          <NumberInput label={t("benchmarks.form.multiShare")} value={settings.multiShare} onChange={set("multiShare")} {...bounds("multiShare")} step={0.05} hint={t("benchmarks.form.multiShareHint")} invalid={problem("multiShare")} />
        ) : null}
        <NumberInput label={t("benchmarks.form.itemsPerChain")} value={settings.itemsPerChain} onChange={set("itemsPerChain")} {...bounds("itemsPerChain")} invalid={problem("itemsPerChain")} />
        <NumberInput label={t("benchmarks.form.seed")} value={settings.seed} onChange={set("seed")} hint={t("benchmarks.form.seedHint")} invalid={problem("seed")} />
      </div>
      {disciplines.length > 1 ? (
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 text-xs font-medium text-strong">{t("benchmarks.form.disciplines")}</legend>
          <p className="text-xs text-muted">{t("benchmarks.form.disciplinesHint")}</p>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {disciplines.map((d) => (
              <label key={d} className="flex items-center gap-1.5 text-[13px] text-fg">
                <input type="checkbox" checked={picked.includes(d)} onChange={(event) => setPicked((current) => (event.target.checked ? [...current, d] : current.filter((x) => x !== d)))} />
                {d}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <details className="rounded-md border border-line px-3 py-2">
        <summary className="cursor-pointer text-xs font-medium text-strong">{t("benchmarks.form.advanced")}</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          <NumberInput label={t("benchmarks.form.maxLengthRatio")} value={settings.maxLengthRatio} onChange={set("maxLengthRatio")} {...bounds("maxLengthRatio")} step={0.05} hint={t("benchmarks.form.maxLengthRatioHint")} invalid={problem("maxLengthRatio")} />
          <NumberInput label={t("benchmarks.form.maxRefillRounds")} value={settings.maxRefillRounds} onChange={set("maxRefillRounds")} {...bounds("maxRefillRounds")} invalid={problem("maxRefillRounds")} />
          <NumberInput label={t("benchmarks.form.nearDuplicate")} value={settings.nearDuplicateThreshold} onChange={set("nearDuplicateThreshold")} {...bounds("nearDuplicateThreshold")} step={0.05} hint={t("benchmarks.form.nearDuplicateHint")} invalid={problem("nearDuplicateThreshold")} />
        </div>
      </details>
      {create.error ? <ErrorMessage error={create.error} /> : null}
      <div className="flex justify-end gap-2">
        {onCancel ? <Button variant="ghost" onClick={onCancel}>{t("common.cancel")}</Button> : null}
        <Button type="submit" variant="primary" icon="play" busy={create.isPending} disabled={!version || invalid.length > 0}>
          {t("benchmarks.form.start")}
        </Button>
      </div>
    </form>
  );
}
