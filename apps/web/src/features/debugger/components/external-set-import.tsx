"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextField } from "@/components/ui/field";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { stageView } from "@/features/workbench/lib/views";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TBenchmarkDto } from "@/lib/api-types";
import { useImportExternalSet } from "../hooks/use-import-external-set";
import { MAX_SET_BYTES, setLineErrors } from "../lib/external";
import { stageHref } from "../lib/links";

/**
 * Imports an external multiple-choice set (JSONL) as a frozen benchmark, the general-capability
 * guard evaluated beside ours. A bad file is refused whole, with every bad line listed.
 */
export function ExternalSetImport({ sets, canManage }: { sets: TBenchmarkDto[]; canManage: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, addTab } = useWorkbench();
  const importSet = useImportExternalSet(projectId);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [tooLarge, setTooLarge] = useState(false);
  const lines = setLineErrors(importSet.error);
  const submit = async () => {
    if (!file) return;
    if (file.size > MAX_SET_BYTES) return setTooLarge(true);
    importSet.mutate({ name: name || file.name.replace(/\.jsonl?$/i, ""), jsonl: await file.text() }, {
      onSuccess: () => { setFile(null); setName(""); if (input.current) input.current.value = ""; },
    });
  };
  const evaluateHref = (id: string) => stageHref(projectId, "evaluation", { b: id });
  return (
    <section className="flex flex-col gap-2 rounded-md border border-line p-3" data-testid="debugger-external-sets" aria-labelledby="debugger-external-sets-title">
      <h4 id="debugger-external-sets-title" className="text-xs font-semibold text-strong uppercase">{t("debugger.external.setsTitle")}</h4>
      <p className="text-xs text-muted">{t("debugger.external.setsHint")}</p>
      {canManage ? (
        <form className="flex flex-wrap items-end gap-2" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
          <label className="flex flex-col gap-1 text-xs font-medium text-strong">
            {t("debugger.external.file")}
            <input ref={input} type="file" accept=".jsonl,.json,application/jsonl,application/x-ndjson,text/plain" data-testid="debugger-external-file"
              onChange={(event) => { setFile(event.target.files?.[0] ?? null); setTooLarge(false); importSet.reset(); }} className="text-xs" />
          </label>
          <TextField label={t("debugger.external.name")} value={name} onChange={(event) => setName(event.target.value)} maxLength={120} placeholder={file?.name ?? ""} containerClassName="w-56" />
          <Button type="submit" variant="primary" icon="upload" busy={importSet.isPending} disabled={!file} data-testid="debugger-external-import">{t("debugger.external.import")}</Button>
        </form>
      ) : null}
      {tooLarge ? <ErrorMessage message={t("debugger.external.tooLarge", { max: formatCount(MAX_SET_BYTES / 1_000_000, locale) })} /> : null}
      {importSet.error ? <ErrorMessage error={importSet.error} /> : null}
      {lines && lines.lines.length > 0 ? (
        <div className="max-h-48 overflow-auto rounded-sm border border-danger/40" data-testid="debugger-external-line-errors">
          <table className="w-full text-xs">
            <caption className="sr-only">{t("debugger.external.lineErrors", { count: lines.badLines })}</caption>
            <tbody>
              {lines.lines.map((l) => (
                <tr key={l.line} className="border-b border-line/50"><th scope="row" className="px-2 py-0.5 text-right font-mono font-normal text-muted">{l.line}</th><td className="px-2 py-0.5">{l.message}</td></tr>
              ))}
            </tbody>
          </table>
          {lines.badLines > lines.lines.length ? <p className="px-2 py-1 text-[11px] text-muted">{t("debugger.external.moreErrors", { count: lines.badLines - lines.lines.length })}</p> : null}
        </div>
      ) : null}
      {importSet.data ? <p className="text-xs text-success" role="status">{t("debugger.external.imported", { name: importSet.data.name, items: formatCount(importSet.data.itemCount, locale) })}</p> : null}
      {sets.length > 0 ? (
        <ul className="flex flex-col gap-1" data-testid="debugger-external-set-list">
          {sets.map((s) => (
            <li key={s.id} className="flex items-center gap-2 text-[13px]">
              <span className="min-w-0 flex-1 truncate text-strong">#{s.number} {s.name}</span>
              <span className="text-xs text-muted tabular-nums">{t("debugger.external.items", { count: formatCount(s.itemCount, locale) })}</span>
              <Link href={evaluateHref(s.id)} onClick={() => addTab(stageView("evaluation"))} className={buttonClass("secondary", "sm")}>{t("debugger.external.evaluate")}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
