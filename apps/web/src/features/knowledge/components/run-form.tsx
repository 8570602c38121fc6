"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useProviders } from "@/features/providers/hooks/use-providers";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDisciplineFunnelDto, TEstimateDto, TKnowledgeVersionDto } from "@/lib/api-types";
import { useExtractionEstimate } from "../hooks/use-extraction-estimate";
import { useStartExtraction } from "../hooks/use-start-extraction";
import { formatCompact, formatMinutes, formatUsd } from "../lib/format-knowledge";
import { providerLabel } from "../lib/knowledge-labels";
import { formatCount } from "@/i18n/format";

const keptOf = (d: TDisciplineFunnelDto) => d.stages.find((s) => s.stage === "kept")?.count ?? 0;

function EstimateFigures({ estimate }: { estimate: TEstimateDto }) {
  const t = useT();
  const { locale } = useLocale();
  const builtin = estimate.provider.kind === "builtin";
  const cost = builtin
    ? t("knowledge.estimate.free")
    : estimate.costUsd === null
      ? t("knowledge.estimate.unpriced")
      : formatUsd(estimate.costUsd, locale);
  const time = estimate.minutesAtRateLimit ? formatMinutes(estimate.minutesAtRateLimit, locale) : t("knowledge.estimate.noLimit");
  const figures: [string, string, string][] = [
    ["chunks", t("knowledge.estimate.chunks"), formatCount(estimate.chunks, locale)],
    ["calls", t("knowledge.estimate.calls"), builtin ? t("knowledge.estimate.offline") : formatCount(estimate.calls, locale)],
    ["tokens", t("knowledge.estimate.tokens"), t("knowledge.estimate.tokensValue", { prompt: formatCompact(estimate.promptTokens, locale), completion: formatCompact(estimate.completionTokens, locale) })],
    ["cost", t("knowledge.estimate.cost"), cost],
    ["time", t("knowledge.estimate.time"), time],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1.5 sm:grid-cols-5" data-testid="knowledge-estimate">
      {figures.map(([id, label, value]) => (
        <div key={id} data-figure={id}>
          <dt className="text-[11px] text-muted uppercase">{label}</dt>
          <dd className="text-sm font-semibold text-strong tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A new extraction run: provider (the default preselected), disciplines (none ticked = all), the
 * dry-run estimate for exactly that choice, then Start.
 */
export function RunForm({ disciplines, onStarted, onCancel }: { disciplines: TDisciplineFunnelDto[]; onStarted: (version: TKnowledgeVersionDto) => void; onCancel?: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId } = useWorkbench();
  const providers = useProviders(projectId);
  const [providerId, setProviderId] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const list = providers.data ?? [];
  const provider = list.find((p) => p.id === providerId) ?? list.find((p) => p.isDefault) ?? list[0];
  const input = { providerId: provider?.id, disciplines: picked.length ? [...picked].sort() : undefined };
  const estimate = useExtractionEstimate(projectId, input, { enabled: !!provider });
  const start = useStartExtraction(projectId);
  const withChunks = disciplines.filter((d) => keptOf(d) > 0);

  return (
    <form
      className="flex flex-col gap-4"
      data-testid="knowledge-run-form"
      onSubmit={(event) => {
        event.preventDefault();
        start.mutate(input, { onSuccess: onStarted });
      }}
    >
      {providers.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("knowledge.run.loadingProviders")}</p>
      ) : providers.isError ? (
        <ErrorMessage error={providers.error} onRetry={() => void providers.refetch()} />
      ) : list.length === 0 ? (
        <ErrorMessage message={t("knowledge.run.noProviders")} />
      ) : (
        <SelectField label={t("knowledge.run.provider")} value={provider?.id ?? ""} onChange={(event) => setProviderId(event.target.value)} hint={t("knowledge.run.providerHint")}>
          {list.map((p) => (
            <option key={p.id} value={p.id}>
              {providerLabel(p, t)}{p.isDefault ? ` — ${t("knowledge.run.default")}` : ""}
            </option>
          ))}
        </SelectField>
      )}
      {withChunks.length > 1 ? (
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 text-xs font-medium text-strong">{t("knowledge.run.disciplines")}</legend>
          <p className="text-xs text-muted">{t("knowledge.run.disciplinesHint")}</p>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {withChunks.map((d) => (
              <label key={d.discipline} className="flex items-center gap-1.5 text-[13px] text-fg">
                <input
                  type="checkbox"
                  checked={picked.includes(d.discipline)}
                  onChange={(event) => setPicked((current) => (event.target.checked ? [...current, d.discipline] : current.filter((x) => x !== d.discipline)))}
                />
                {d.discipline}
                <span className="text-[11px] text-muted tabular-nums">({t("knowledge.run.keptChunks", { count: formatCount(keptOf(d), locale) })})</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <section aria-label={t("knowledge.estimate.title")} aria-live="polite" className="flex flex-col gap-2 rounded-md border border-line bg-sidebar/60 p-3">
        <h4 className="flex items-center gap-2 text-xs font-semibold text-strong">
          {t("knowledge.estimate.title")}
          {estimate.isFetching ? <Spinner size={10} /> : null}
        </h4>
        {estimate.data ? (
          <EstimateFigures estimate={estimate.data} />
        ) : estimate.isError ? (
          <ErrorMessage error={estimate.error} onRetry={() => void estimate.refetch()} />
        ) : (
          <p className="text-xs text-muted">{t("knowledge.estimate.loading")}</p>
        )}
        <p className="text-[11px] text-muted">{t("knowledge.estimate.note")}</p>
      </section>
      {start.error ? <ErrorMessage error={start.error} /> : null}
      <div className="flex justify-end gap-2">
        {onCancel ? <Button variant="ghost" onClick={onCancel}>{t("common.cancel")}</Button> : null}
        <Button type="submit" variant="primary" icon="play" busy={start.isPending} disabled={!provider || estimate.data?.chunks === 0}>
          {t("knowledge.run.start")}
        </Button>
      </div>
    </form>
  );
}
