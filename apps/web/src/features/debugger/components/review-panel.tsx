"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { EditError } from "@/features/knowledge/components/edit-error";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TDiagnosisDto } from "@/lib/api-types";
import { useReviewDiagnosis } from "../hooks/use-review-diagnosis";
import { DIAGNOSIS_LABELS, diagnosisLabelText, shownLabel } from "../lib/labels";
import { MAX_REVIEW_NOTE, reviewBody } from "../lib/review-actions";

/**
 * A reviewer's decision with an optional note: accept the label shown, relabel it (to the other
 * class; an abstained diagnosis may be confirmed under either), or reject it — it then leaves the
 * patch. Audited on the server with before and after; a decision can be changed later.
 */
export function ReviewPanel({ runId, diagnosis }: { runId: string; diagnosis: TDiagnosisDto }) {
  const t = useT();
  const { projectId } = useWorkbench();
  const review = useReviewDiagnosis(projectId, runId);
  const [note, setNote] = useState("");
  const shown = shownLabel(diagnosis);
  const targets = DIAGNOSIS_LABELS.filter((label) => diagnosis.abstained || label !== shown);
  const decide = (action: "accept" | "relabel" | "reject", label?: (typeof DIAGNOSIS_LABELS)[number]) =>
    review.mutate({ diagnosis, body: reviewBody(action, diagnosis, note, label) }, { onSuccess: () => setNote("") });
  return (
    <section aria-label={t("debugger.review.title")} className="flex flex-col gap-2 rounded-md border border-line p-2" data-testid="debugger-review">
      <TextAreaField label={t("debugger.review.note")} value={note} onChange={(event) => setNote(event.target.value)} maxLength={MAX_REVIEW_NOTE}
        placeholder={t("debugger.review.notePlaceholder")} className="min-h-12" />
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="primary" icon="check" busy={review.isPending} disabled={diagnosis.review === "accepted" && !note.trim()}
          onClick={() => decide("accept")} data-testid="debugger-accept">
          {t("debugger.review.accept")}
        </Button>
        {targets.map((label) => (
          <Button key={label} size="sm" icon="edit" busy={review.isPending} disabled={diagnosis.review === "relabelled" && diagnosis.reviewLabel === label && !note.trim()}
            onClick={() => decide("relabel", label)} data-testid="debugger-relabel" data-label={label}>
            {t("debugger.review.relabelAs", { label: diagnosisLabelText(label, t) })}
          </Button>
        ))}
        <Button size="sm" variant="danger" icon="close" busy={review.isPending} disabled={diagnosis.review === "rejected" && !note.trim()}
          onClick={() => decide("reject")} data-testid="debugger-reject">
          {t("debugger.review.reject")}
        </Button>
      </div>
      <p className="text-[11px] text-muted">{t("debugger.review.keys")}</p>
      <EditError mutation={review} />
    </section>
  );
}
