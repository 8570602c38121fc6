"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField, TextField } from "@/components/ui/field";
import { useKnowledgeVersions } from "@/features/knowledge/hooks/use-knowledge-versions";
import { useTrainingBackends } from "@/features/training/hooks/use-training-backends";
import { backendLabel } from "@/features/training/lib/labels";
import { useJobFocus, useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TLoopDto } from "@/lib/api-types";
import { useStartLoop } from "../hooks/use-start-loop";
import { initialLoopValues, LOOP_BACKENDS, loopBody, loopFormProblems, type TLoopFormValues } from "../lib/loop-form";

/**
 * "Run loop" settings, defaults for the offline path: reuse the latest ready knowledge version
 * (extract when there is none), V1 sized by the server, the builtin student, a patch of 1,000
 * samples with 65 % replay. Every other stage setting is the server's default.
 */
export function LoopForm({ onStarted, onCancel }: { onStarted: (loop: TLoopDto) => void; onCancel?: () => void }) {
  const t = useT();
  const { projectId } = useWorkbench();
  const { selectJob } = useJobFocus();
  const versions = useKnowledgeVersions(projectId);
  const backends = useTrainingBackends(projectId);
  const start = useStartLoop(projectId);
  const [values, setValues] = useState<TLoopFormValues>(initialLoopValues);
  const problems = loopFormProblems(values);
  const ready = (versions.data ?? []).filter((v) => v.status === "ready");
  const set = (key: Exclude<keyof TLoopFormValues, "reuseKnowledge">) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  const number = (key: "v1Budget" | "v1Seed" | "patchBudget" | "replayPercent" | "patchSeed", label: string, error: string, hint?: string) => (
    <TextField label={label} type="number" min={0} step={key === "replayPercent" ? "any" : 1} value={values[key]} onChange={set(key)} hint={hint}
      error={problems.has(key) ? error : null} data-testid={`debugger-loop-${key}`} />
  );
  const submit = () => {
    const body = loopBody(values);
    if (body) start.mutate(body, { onSuccess: (loop) => { if (loop.jobId) selectJob(loop.jobId); onStarted(loop); } });
  };
  return (
    <form className="flex flex-col gap-3" data-testid="debugger-loop-form" onSubmit={(event) => { event.preventDefault(); submit(); }}>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-xs font-semibold text-strong uppercase">{t("debugger.loop.knowledge")}</legend>
        <label className="flex items-center gap-2 text-[13px]">
          <input type="checkbox" checked={values.reuseKnowledge} onChange={(event) => setValues({ ...values, reuseKnowledge: event.target.checked })} data-testid="debugger-loop-reuse" />
          {t("debugger.loop.reuse")}
        </label>
        {values.reuseKnowledge && ready.length > 0 ? (
          <SelectField label={t("debugger.loop.version")} value={values.knowledgeVersionId} onChange={set("knowledgeVersionId")}>
            <option value="">{t("debugger.loop.latestVersion")}</option>
            {ready.map((v) => <option key={v.id} value={v.id}>{t("benchmarks.list.knowledgeVersion", { number: v.number })}</option>)}
          </SelectField>
        ) : <p className="text-xs text-muted">{t("debugger.loop.extractHint")}</p>}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        {number("v1Budget", t("debugger.loop.v1Budget"), t("debugger.patch.budgetInvalid", { max: 2_000_000 }), t("debugger.loop.v1BudgetHint"))}
        {number("v1Seed", t("debugger.loop.v1Seed"), t("debugger.patch.seedInvalid"))}
        {number("patchBudget", t("debugger.patch.budget"), t("debugger.patch.budgetInvalid", { max: 200_000 }), t("debugger.patch.budgetHint"))}
        {number("replayPercent", t("debugger.patch.replayRatio"), t("debugger.patch.replayInvalid"), t("debugger.patch.replayHint"))}
        {number("patchSeed", t("debugger.loop.patchSeed"), t("debugger.patch.seedInvalid"))}
        <SelectField label={t("debugger.loop.backend")} value={values.backend} onChange={set("backend")}>
          {LOOP_BACKENDS.map((backend) => {
            // Availability as the Training stage reports it (the builtin student always runs).
            const known = backends.data?.find((b) => b.backend === backend);
            const available = backend === "builtin-student" || !!known?.available;
            return (
              <option key={backend} value={backend} disabled={!available}>
                {backendLabel(backend, t)}{available ? "" : ` — ${known?.reason ?? t("debugger.loop.unavailable")}`}
              </option>
            );
          })}
        </SelectField>
      </div>
      {start.error ? <ErrorMessage error={start.error} /> : null}
      <div className="flex justify-end gap-2">
        {onCancel ? <Button variant="ghost" onClick={onCancel}>{t("common.cancel")}</Button> : null}
        <Button type="submit" variant="primary" icon="play" busy={start.isPending} disabled={problems.size > 0} data-testid="debugger-loop-start">{t("debugger.loop.start")}</Button>
      </div>
    </form>
  );
}
