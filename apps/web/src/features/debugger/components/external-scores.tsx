"use client";

import { useState } from "react";
import { Button, IconButton } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextAreaField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatDecimal } from "@/features/knowledge/lib/format-knowledge";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { useExternalScores, useScoreMutations } from "../hooks/use-external-scores";
import { MAX_SCORES, parseScoreTable } from "../lib/external";

/** Imported scores of models on external benchmarks: pasted as "benchmark, model, score" lines, listed, deleted one by one. */
export function ExternalScores({ canManage }: { canManage: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId } = useWorkbench();
  const scores = useExternalScores(projectId);
  const { add, remove } = useScoreMutations(projectId);
  const [text, setText] = useState("");
  const parsed = parseScoreTable(text);
  const head = "px-2 py-1 text-left text-[11px] font-medium text-muted uppercase";
  const submit = () => {
    if (parsed.rows.length === 0 || parsed.errors.length > 0 || parsed.rows.length > MAX_SCORES) return;
    add.mutate(parsed.rows, { onSuccess: () => setText("") });
  };
  return (
    <section className="flex flex-col gap-2 rounded-md border border-line p-3" data-testid="debugger-external-scores" aria-labelledby="debugger-external-scores-title">
      <h4 id="debugger-external-scores-title" className="text-xs font-semibold text-strong uppercase">{t("debugger.external.scoresTitle")}</h4>
      {canManage ? (
        <form className="flex flex-col gap-2" onSubmit={(event) => { event.preventDefault(); submit(); }}>
          <TextAreaField label={t("debugger.external.paste")} value={text} onChange={(event) => setText(event.target.value)} placeholder={"MMLU, my-model-v1, 0.62\nMMLU, my-model-v2, 0.66"}
            hint={t("debugger.external.pasteHint")} error={parsed.errors.length ? t("debugger.external.pasteErrors", { lines: parsed.errors.slice(0, 10).join(", ") }) : null}
            className="min-h-20 font-mono text-xs" data-testid="debugger-scores-input" />
          <Button type="submit" className="self-end" icon="upload" busy={add.isPending} disabled={parsed.rows.length === 0 || parsed.errors.length > 0} data-testid="debugger-scores-add">
            {t("debugger.external.addScores", { count: parsed.rows.length })}
          </Button>
          {add.error ? <ErrorMessage error={add.error} /> : null}
        </form>
      ) : null}
      {remove.error ? <ErrorMessage error={remove.error} /> : null}
      {scores.isPending ? <p role="status" className="flex items-center gap-2 text-xs text-muted"><Spinner size={12} /> {t("debugger.external.loading")}</p>
        : scores.isError ? <ErrorMessage error={scores.error} onRetry={() => void scores.refetch()} />
        : scores.data.length === 0 ? <p className="text-xs text-muted">{t("debugger.external.noScores")}</p>
        : (
          <div className="max-h-64 overflow-auto">
            <table className="w-full text-[13px]">
              <caption className="sr-only">{t("debugger.external.scoresTitle")}</caption>
              <thead className="sticky top-0 bg-sidebar">
                <tr className="border-b border-line">
                  <th scope="col" className={head}>{t("debugger.external.benchmark")}</th>
                  <th scope="col" className={head}>{t("debugger.external.model")}</th>
                  <th scope="col" className={`${head} text-right`}>{t("debugger.external.score")}</th>
                  {canManage ? <th scope="col" className={head}><span className="sr-only">{t("common.actions")}</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {scores.data.map((s) => (
                  <tr key={s.id} className="border-b border-line/50" data-testid="debugger-score-row">
                    <td className="px-2 py-0.5">{s.benchmark}</td>
                    <td className="px-2 py-0.5">{s.modelName}</td>
                    <td className="px-2 py-0.5 text-right tabular-nums">{formatDecimal(s.score, locale, 4)}</td>
                    {canManage ? (
                      <td className="px-2 py-0.5 text-right">
                        <IconButton icon="trash" label={t("debugger.external.deleteScore", { model: s.modelName, benchmark: s.benchmark })} disabled={remove.isPending} onClick={() => remove.mutate(s.id)} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </section>
  );
}
