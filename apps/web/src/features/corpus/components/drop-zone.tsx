"use client";

import { useRef, useState, type ReactNode } from "react";
import { Icon } from "@/components/icons";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { useT } from "@/i18n/i18n-provider";
import { collectDroppedFiles, filesFromInput } from "../lib/collect-dropped-files";
import { ACCEPTED_EXTENSIONS, type TPickedFile } from "../lib/upload-plan";

/** Drop files or folders here, or choose them with the two buttons (folders keep their relative paths). */
export function DropZone({
  onFiles,
  disabled,
  compact = false,
  children,
}: {
  onFiles: (files: TPickedFile[]) => void;
  disabled?: boolean;
  /** One row instead of a big target, once the corpus has documents. */
  compact?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState(false);
  const depth = useRef(0);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const hasFiles = (event: React.DragEvent) => Array.from(event.dataTransfer.types).includes("Files");

  return (
    <div
      data-testid="corpus-drop-zone"
      onDragEnter={(event) => {
        if (disabled || !hasFiles(event)) return;
        event.preventDefault();
        depth.current++;
        setOver(true);
      }}
      onDragOver={(event) => {
        if (disabled || !hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(event) => {
        if (disabled || !hasFiles(event)) return;
        event.preventDefault();
        depth.current = 0;
        setOver(false);
        setReading(true);
        // Entries must be taken now, inside the event; reading them can take a while.
        void collectDroppedFiles(event.dataTransfer)
          .then(onFiles)
          .finally(() => setReading(false));
      }}
      className={cx(
        "flex flex-wrap items-center rounded-md border border-dashed transition-colors",
        compact ? "gap-x-4 gap-y-2 px-3 py-2" : "flex-col gap-3 px-4 py-5 text-center",
        over ? "border-accent bg-accent/10" : "border-line-strong bg-sidebar/40",
      )}
    >
      <div className={cx("flex items-center gap-2 text-[13px] text-strong", compact && "min-w-0")}>
        <Icon name="upload" size={compact ? 16 : 20} className={cx("shrink-0", over ? "text-link" : "text-muted")} />
        <span>{reading ? t("corpus.upload.reading") : over ? t("corpus.upload.dropNow") : t("corpus.upload.dropHere")}</span>
      </div>
      <p className={cx("text-xs text-muted", compact && "min-w-0 flex-1 truncate")}>{t("corpus.upload.formats")}</p>
      <div className={cx("flex flex-wrap gap-2", !compact && "justify-center")}>
        <Button icon="file" size={compact ? "sm" : "md"} disabled={disabled} onClick={() => filesInput.current?.click()}>
          {t("corpus.upload.chooseFiles")}
        </Button>
        <Button icon="explorer" size={compact ? "sm" : "md"} disabled={disabled} onClick={() => folderInput.current?.click()}>
          {t("corpus.upload.chooseFolder")}
        </Button>
      </div>
      <input
        ref={filesInput}
        type="file"
        multiple
        hidden
        data-testid="corpus-file-input"
        accept={ACCEPTED_EXTENSIONS.join(",")}
        onChange={(event) => {
          onFiles(filesFromInput(event.target.files));
          event.target.value = "";
        }}
      />
      <input
        ref={(element) => {
          folderInput.current = element;
          // Not in React's DOM typings; set as attributes so the picker selects folders.
          element?.setAttribute("webkitdirectory", "");
          element?.setAttribute("directory", "");
        }}
        type="file"
        multiple
        hidden
        data-testid="corpus-folder-input"
        onChange={(event) => {
          onFiles(filesFromInput(event.target.files));
          event.target.value = "";
        }}
      />
      {children}
    </div>
  );
}
