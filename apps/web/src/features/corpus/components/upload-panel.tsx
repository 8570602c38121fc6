"use client";

import { useMemo, useRef, useState } from "react";
import { Icon } from "@/components/icons";
import { Button, buttonClass } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { ErrorMessage } from "@/components/ui/error-message";
import type { TCorpusUpload } from "../hooks/use-corpus-upload";
import { formatBytes } from "../lib/format-bytes";
import { isJsonPath, normaliseDiscipline, normaliseJsonFields, type TPickedFile } from "../lib/upload-plan";
import { DropZone } from "./drop-zone";
import { UploadQueue } from "./upload-queue";

/** Pick or drop files and folders, review them, then upload: per-file progress and results below. */
export function UploadPanel({
  upload,
  maxBytes,
  compact,
}: {
  upload: TCorpusUpload;
  maxBytes: number | undefined;
  compact: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [staged, setStaged] = useState<TPickedFile[]>([]);
  const [discipline, setDiscipline] = useState("");
  const [jsonFields, setJsonFields] = useState("");
  const [processAfter, setProcessAfter] = useState(true);
  const uploadButton = useRef<HTMLButtonElement>(null);

  const stagedInfo = useMemo(() => {
    const folders = new Set<string>();
    let bytes = 0;
    let tooLarge = 0;
    let json = false;
    for (const { file, path } of staged) {
      bytes += file.size;
      if (maxBytes !== undefined && file.size > maxBytes) tooLarge++;
      if (isJsonPath(path)) json = true;
      if (path.includes("/")) folders.add(path.split("/")[0]!.toLowerCase());
    }
    return { bytes, tooLarge, json, folders: [...folders].sort() };
  }, [staged, maxBytes]);

  const disciplineCheck = normaliseDiscipline(discipline);
  const jsonCheck = normaliseJsonFields(jsonFields);
  const invalid = !disciplineCheck.valid || (stagedInfo.json && !jsonCheck.valid);

  const stage = (files: TPickedFile[]) => {
    if (files.length === 0) return;
    setStaged((current) => [...current, ...files]);
    requestAnimationFrame(() => uploadButton.current?.focus());
  };

  const start = () => {
    if (invalid || staged.length === 0) return;
    upload.add(staged, {
      discipline: disciplineCheck.value,
      jsonTextFields: stagedInfo.json ? jsonCheck.value : undefined,
      maxBytes,
      processAfter,
    });
    setStaged([]);
  };

  return (
    <section aria-label={t("corpus.upload.title")} className="flex flex-col gap-3">
      <DropZone onFiles={stage} compact={compact && staged.length === 0}>
        {staged.length > 0 ? (
          <div className="mx-auto flex w-full max-w-2xl flex-col gap-3 rounded-sm border border-line bg-surface p-3 text-left">
            <p className="text-[13px] text-strong" role="status">
              {staged.length === 1
                ? t("corpus.upload.selectedOne", { size: formatBytes(stagedInfo.bytes, locale) })
                : t("corpus.upload.selected", { count: staged.length, size: formatBytes(stagedInfo.bytes, locale) })}
              {stagedInfo.folders.length > 0 ? (
                <span className="text-muted"> · {t("corpus.upload.fromFolders", { folders: stagedInfo.folders.slice(0, 5).join(", ") })}</span>
              ) : null}
            </p>
            {stagedInfo.tooLarge > 0 && maxBytes !== undefined ? (
              <ErrorMessage message={t("corpus.upload.tooLargeWarning", { count: stagedInfo.tooLarge, limit: formatBytes(maxBytes, locale) })} />
            ) : null}
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                label={t("corpus.upload.discipline")}
                placeholder={t("corpus.upload.disciplinePlaceholder")}
                value={discipline}
                onChange={(event) => setDiscipline(event.target.value)}
                maxLength={80}
                hint={t("corpus.upload.disciplineHint")}
                error={disciplineCheck.valid ? null : t("corpus.upload.disciplineInvalid")}
              />
              {stagedInfo.json ? (
                <TextField
                  label={t("corpus.upload.jsonFields")}
                  placeholder="body.text, abstract"
                  value={jsonFields}
                  onChange={(event) => setJsonFields(event.target.value)}
                  hint={t("corpus.upload.jsonFieldsHint")}
                  error={jsonCheck.valid ? null : t("corpus.upload.jsonFieldsInvalid")}
                />
              ) : null}
            </div>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <label className="flex items-center gap-2 text-[13px] text-fg">
                <input type="checkbox" checked={processAfter} onChange={(event) => setProcessAfter(event.target.checked)} />
                {t("corpus.upload.processAfter")}
              </label>
              <div className="flex gap-2">
                <Button variant="ghost" onClick={() => setStaged([])}>
                  {t("corpus.upload.clearSelection")}
                </Button>
                <button ref={uploadButton} type="button" className={buttonClass("primary")} disabled={invalid} onClick={start}>
                  <Icon name="upload" size={14} />
                  {staged.length === 1 ? t("corpus.upload.startOne") : t("corpus.upload.start", { count: staged.length })}
                </button>
              </div>
            </div>
          </div>
        ) : null}
      </DropZone>
      {upload.processError ? <ErrorMessage error={upload.processError} /> : null}
      {upload.summary.total > 0 ? (
        <UploadQueue
          entries={upload.entries}
          summary={upload.summary}
          running={upload.running}
          maxBytes={maxBytes}
          onCancel={upload.cancel}
          onClear={upload.clearFinished}
        />
      ) : null}
    </section>
  );
}
