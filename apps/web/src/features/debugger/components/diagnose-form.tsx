"use client";

import { can } from "@proda/core";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField, TextField } from "@/components/ui/field";
import { useProviders } from "@/features/providers/hooks/use-providers";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TDiagnosisRunDto } from "@/lib/api-types";
import { useStartDiagnosis } from "../hooks/use-start-diagnosis";
import { DIAGNOSE_BOUNDS, diagnoseBody, diagnoseFormProblems, initialDiagnoseValues, judgeProviders, type TDiagnoseFormValues } from "../lib/diagnose-form";

/**
 * Starts a diagnosis run on a finished evaluation: the judge (the builtin one reads the structural
 * evidence alone; an OpenAI-compatible provider adds its verdict, abstaining under the threshold),
 * and how few teaching samples make a node "weakly taught".
 */
export function DiagnoseForm({ evaluationId, onStarted, onCancel }: { evaluationId: string; onStarted: (run: TDiagnosisRunDto) => void; onCancel?: () => void }) {
  const t = useT();
  const { projectId, role } = useWorkbench();
  // Provider settings are for owners and engineers; others still have the builtin judge.
  const providers = useProviders(projectId, { enabled: can(role, "providers.read") });
  const start = useStartDiagnosis(projectId);
  const [values, setValues] = useState<TDiagnoseFormValues>(initialDiagnoseValues);
  const problems = diagnoseFormProblems(values);
  const set = (key: keyof TDiagnoseFormValues) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  const submit = () => {
    const body = diagnoseBody(values);
    if (body) start.mutate({ evaluationId, body }, { onSuccess: onStarted });
  };
  return (
    <form className="flex flex-col gap-3" data-testid="debugger-diagnose-form" onSubmit={(event) => { event.preventDefault(); submit(); }}>
      <SelectField label={t("debugger.diagnose.judge")} value={values.judge} onChange={set("judge")} hint={values.judge === "builtin" ? t("debugger.diagnose.judgeBuiltinHint") : t("debugger.diagnose.judgeLlmHint")}>
        <option value="builtin">{t("debugger.diagnose.judgeBuiltin")}</option>
        {judgeProviders(providers.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}{p.model ? ` · ${p.model}` : ""}</option>)}
      </SelectField>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("debugger.diagnose.minSamples")} type="number" inputMode="numeric" min={DIAGNOSE_BOUNDS.minSamples.min} max={DIAGNOSE_BOUNDS.minSamples.max}
          value={values.minSamples} onChange={set("minSamples")} hint={t("debugger.diagnose.minSamplesHint")}
          error={problems.has("minSamples") ? t("debugger.diagnose.minSamplesInvalid") : null} />
        <TextField label={t("debugger.diagnose.abstainBelow")} type="number" step="0.05" min={0} max={1}
          value={values.abstainBelow} onChange={set("abstainBelow")} hint={t("debugger.diagnose.abstainBelowHint")}
          error={problems.has("abstainBelow") ? t("debugger.diagnose.abstainBelowInvalid") : null} />
      </div>
      {start.error ? <ErrorMessage error={start.error} /> : null}
      <div className="flex justify-end gap-2">
        {onCancel ? <Button variant="ghost" onClick={onCancel}>{t("common.cancel")}</Button> : null}
        <Button type="submit" variant="primary" icon="debugger" busy={start.isPending} disabled={problems.size > 0}>{t("debugger.diagnose.submit")}</Button>
      </div>
    </form>
  );
}
