"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { formatDecimal } from "@/features/knowledge/lib/format-knowledge";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatCount, formatPercent } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/translate";
import type { TBenchmarkDto } from "@/lib/api-types";
import { useAlignment } from "../hooks/use-external-scores";
import { formatCoefficient, RHO_TONE, rhoBand } from "../lib/calibration";

/** External alignment: for one of our benchmarks, Spearman's ρ against each external benchmark over the models both scored. */
export function AlignmentTable({ benchmarks }: { benchmarks: TBenchmarkDto[] }) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId } = useWorkbench();
  const [benchmarkId, setBenchmarkId] = useState<string | null>(null);
  const chosen = benchmarkId ?? benchmarks[0]?.id ?? null;
  const alignment = useAlignment(projectId, chosen);
  return (
    <section className="flex flex-col gap-2 rounded-md border border-line p-3" data-testid="debugger-alignment" aria-labelledby="debugger-alignment-title">
      <h4 id="debugger-alignment-title" className="text-xs font-semibold text-strong uppercase">{t("debugger.external.alignmentTitle")}</h4>
      <p className="text-xs text-muted">{t("debugger.external.rhoExplain")}</p>
      {benchmarks.length === 0 ? <p className="text-xs text-muted">{t("debugger.external.noBenchmark")}</p> : (
        <>
          <SelectField label={t("debugger.external.ourBenchmark")} value={chosen ?? ""} onChange={(event) => setBenchmarkId(event.target.value)} containerClassName="max-w-sm">
            {benchmarks.map((b) => <option key={b.id} value={b.id}>#{b.number} {b.name}</option>)}
          </SelectField>
          {alignment.isPending ? <p role="status" className="flex items-center gap-2 text-xs text-muted"><Spinner size={12} /> {t("debugger.external.loading")}</p>
            : alignment.isError ? <ErrorMessage error={alignment.error} onRetry={() => void alignment.refetch()} />
            : alignment.data.external.length === 0 ? <p className="text-xs text-muted">{t("debugger.external.noScores")}</p>
            : (
              <ul className="flex flex-col gap-1.5">
                {alignment.data.external.map((row) => {
                  const band = rhoBand(row.rho);
                  return (
                    <li key={row.benchmark} className="rounded-sm border border-line px-2 py-1.5" data-testid="debugger-alignment-row" data-rho={row.rho ?? ""}>
                      <div className="flex flex-wrap items-center gap-2 text-[13px]">
                        <span className="font-medium text-strong">{row.benchmark}</span>
                        <span className="tabular-nums">ρ = {formatCoefficient(row.rho)}</span>
                        <Badge tone={RHO_TONE[band]}>{t(`debugger.rho.band.${band}` as TMessageKey)}</Badge>
                        <span className="text-xs text-muted">{t("debugger.external.shared", { count: formatCount(row.models.length, locale) })}</span>
                      </div>
                      {row.models.length ? (
                        <details className="mt-1 text-xs">
                          <summary className="cursor-pointer text-muted">{t("debugger.external.models")}</summary>
                          <table className="mt-1 w-full tabular-nums">
                            <thead><tr><th scope="col" className="text-left font-medium text-muted">{t("debugger.external.model")}</th><th scope="col" className="text-right font-medium text-muted">{t("debugger.external.ours")}</th><th scope="col" className="text-right font-medium text-muted">{t("debugger.external.theirs")}</th></tr></thead>
                            <tbody>{row.models.map((m) => <tr key={m.modelName}><td>{m.modelName}</td><td className="text-right">{formatPercent(m.ours, locale)}</td><td className="text-right">{formatDecimal(m.theirs, locale, 4)}</td></tr>)}</tbody>
                          </table>
                        </details>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
        </>
      )}
    </section>
  );
}
