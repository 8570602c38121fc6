"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { useT } from "@/i18n/i18n-provider";
import type { TBenchmarkDto } from "@/lib/api-types";
import { artifactStatusLabel } from "@/features/benchmarks/lib/labels";
import type { TGuardAction } from "../hooks/use-guard-action";
import { MIN_OVERRIDE_REASON, overrideReasonValid } from "../lib/contamination";

/**
 * What to check against: the project's benchmarks (the frozen ones ticked by default; none ticked
 * leaves the choice to the server), then "Run check". Owners may add an override reason when the
 * last check blocked the version.
 */
export function GuardRunForm({
  benchmarks,
  canRun,
  offerOverride,
  busy,
  onRun,
}: {
  benchmarks: TBenchmarkDto[];
  canRun: boolean;
  offerOverride: boolean;
  busy: boolean;
  onRun: (action: TGuardAction) => void;
}) {
  const t = useT();
  const usable = benchmarks.filter((b) => b.status === "ready" || b.status === "frozen");
  const [picked, setPicked] = useState<string[]>(() => usable.filter((b) => b.status === "frozen").map((b) => b.id));
  const [reason, setReason] = useState("");
  const overriding = offerOverride && reason.trim().length > 0;
  const reasonOk = !overriding || overrideReasonValid(reason);
  if (!canRun) return null;
  return (
    <form
      className="flex flex-col gap-2 rounded-md border border-line p-3"
      data-testid="dataset-guard-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!reasonOk) return;
        onRun({ kind: "check", ...(picked.length ? { benchmarkIds: [...picked].sort() } : {}), ...(overriding ? { override: { reason: reason.trim() } } : {}) });
      }}
    >
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-xs font-medium text-strong">{t("datasets.guard.against")}</legend>
        {usable.length === 0 ? <p className="text-xs text-muted">{t("datasets.guard.noBenchmarks")}</p> : (
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {usable.map((b) => (
              <label key={b.id} className="flex items-center gap-1.5 text-[13px] text-fg">
                <input type="checkbox" checked={picked.includes(b.id)} onChange={(event) => setPicked((current) => (event.target.checked ? [...current, b.id] : current.filter((id) => id !== b.id)))} />
                #{b.number} {b.name}
                <Badge tone={b.status === "frozen" ? "accent" : "neutral"}>{artifactStatusLabel(b.status, t)}</Badge>
              </label>
            ))}
          </div>
        )}
        <p className="text-[11px] text-muted">{t("datasets.guard.againstHint")}</p>
      </fieldset>
      {offerOverride ? (
        <TextAreaField label={t("datasets.guard.overrideLabel")} hint={t("datasets.freeze.overrideHint", { min: MIN_OVERRIDE_REASON })}
          error={reasonOk ? null : t("datasets.freeze.overrideShort", { min: MIN_OVERRIDE_REASON })} value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" icon="play" busy={busy} disabled={!reasonOk}>
          {overriding ? t("datasets.guard.runOverride") : t("datasets.guard.run")}
        </Button>
      </div>
    </form>
  );
}
