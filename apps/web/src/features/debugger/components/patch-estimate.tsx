"use client";

import type { ReactNode } from "react";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TPatchEstimateDto } from "@/lib/api-types";

function Figure({ id, label, value, detail }: { id: string; label: string; value: string; detail?: ReactNode }) {
  return (
    <div className="min-w-0" data-figure={id}>
      <dt className="truncate text-[11px] text-muted uppercase">{label}</dt>
      <dd className="text-lg font-semibold text-strong tabular-nums" data-testid={`debugger-estimate-${id}`}>{value}</dd>
      {detail ? <dd className="text-[11px] text-muted">{detail}</dd> : null}
    </div>
  );
}

/** What the plan would build: the diagnoses it uses, the refine / chain-of-thought split, the replay kept from V1, the total. */
export function PatchEstimate({ estimate, stale }: { estimate: TPatchEstimateDto; stale: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const { plan, diagnoses, replay } = estimate;
  const n = (value: number) => formatCount(value, locale);
  const patch = plan.refine.budget + plan.chainOfThought.budget;
  return (
    <section aria-label={t("debugger.patch.estimate")} aria-busy={stale} data-testid="debugger-estimate" className={stale ? "opacity-60 transition-opacity" : "transition-opacity"}>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3">
        <Figure id="diagnoses" label={t("debugger.patch.diagnosesUsed")} value={n(diagnoses.concept_gap + diagnoses.reasoning_deficit)}
          detail={t("debugger.patch.diagnosesSplit", { gap: n(diagnoses.concept_gap), deficit: n(diagnoses.reasoning_deficit), excluded: n(diagnoses.excluded) })} />
        <Figure id="refine" label={t("debugger.recipe.refine")} value={n(plan.refine.budget)}
          detail={t("debugger.patch.refineTargets", { relations: n(plan.refine.relationIds.length), concepts: n(plan.refine.conceptIds.length) })} />
        <Figure id="cot" label={t("debugger.recipe.chain_of_thought")} value={n(plan.chainOfThought.budget)}
          detail={t("debugger.patch.cotTargets", { chains: n(plan.chainOfThought.chainIds.length) })} />
        <Figure id="replay" label={t("debugger.patch.replay")} value={n(replay.replayed)}
          detail={t("debugger.patch.replayDetail", { eligible: n(replay.eligible), parent: n(replay.parentSamples) })} />
        <Figure id="total" label={t("debugger.patch.total")} value={n(estimate.totalSamples)} detail={t("debugger.patch.totalDetail", { patch: n(patch), replay: n(replay.replayed) })} />
      </dl>
      {patch > 0 ? (
        <div className="mt-3 flex h-2.5 overflow-hidden rounded-sm bg-line-strong/40" role="img" aria-label={t("debugger.patch.splitLabel", { refine: n(plan.refine.budget), cot: n(plan.chainOfThought.budget), replay: n(replay.replayed) })}>
          <span className="block h-full bg-warning" style={{ width: `${(plan.refine.budget / estimate.totalSamples) * 100}%` }} />
          <span className="block h-full bg-info" style={{ width: `${(plan.chainOfThought.budget / estimate.totalSamples) * 100}%` }} />
          <span className="block h-full bg-muted/50" style={{ width: `${(replay.replayed / estimate.totalSamples) * 100}%` }} />
        </div>
      ) : <p className="mt-2 text-xs text-warning">{t("debugger.patch.nothing")}</p>}
    </section>
  );
}
