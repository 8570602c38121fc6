"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextAreaField } from "@/components/ui/field";
import { useT } from "@/i18n/i18n-provider";
import type { TContaminationReportDto, TDatasetDto } from "@/lib/api-types";
import type { TGuardAction } from "../hooks/use-guard-action";
import { MIN_OVERRIDE_REASON, needsOverride, overrideReasonValid } from "../lib/contamination";

/**
 * "Freeze V{n}?": freezing runs the contamination guard first and only freezes a clean version. Owners
 * (contamination.override) may write a reason that lets a blocked version through; it is recorded.
 */
export function FreezeDatasetDialog({
  dataset,
  report,
  canOverride,
  open,
  busy,
  error,
  onFreeze,
  onClose,
}: {
  dataset: TDatasetDto;
  report: TContaminationReportDto | null;
  canOverride: boolean;
  open: boolean;
  busy: boolean;
  error: unknown;
  onFreeze: (action: TGuardAction) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [reason, setReason] = useState("");
  const overriding = canOverride && reason.trim().length > 0;
  const reasonOk = !overriding || overrideReasonValid(reason);
  return (
    <Dialog open={open} onClose={onClose} title={t("datasets.freeze.title", { number: dataset.number })}>
      <div className="flex flex-col gap-2 text-[13px] text-fg" data-testid="dataset-freeze-dialog">
        <p>{t("datasets.freeze.body")}</p>
        <ul className="list-disc pl-5 text-xs text-muted">
          <li>{t("datasets.freeze.pointGuard")}</li>
          <li>{t("datasets.freeze.pointImmutable")}</li>
          <li>{t("datasets.freeze.pointTraining")}</li>
        </ul>
        {needsOverride(report) ? <p className="text-xs text-warning" role="note">{t("datasets.freeze.blocked")}</p> : null}
        {canOverride ? (
          <TextAreaField
            label={t("datasets.freeze.overrideLabel")}
            hint={t("datasets.freeze.overrideHint", { min: MIN_OVERRIDE_REASON })}
            error={reasonOk ? null : t("datasets.freeze.overrideShort", { min: MIN_OVERRIDE_REASON })}
            value={reason}
            maxLength={2000}
            onChange={(event) => setReason(event.target.value)}
          />
        ) : null}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>{t("common.cancel")}</Button>
        <Button variant="primary" icon="check" busy={busy} disabled={!reasonOk}
          onClick={() => onFreeze({ kind: "freeze", ...(overriding ? { override: { reason: reason.trim() } } : {}) })}>
          {overriding ? t("datasets.freeze.confirmOverride") : t("datasets.freeze.confirm")}
        </Button>
      </div>
    </Dialog>
  );
}
