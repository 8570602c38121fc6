"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { formatDecimal } from "@/features/knowledge/lib/format-knowledge";
import { TextAreaField } from "@/components/ui/field";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TBenchmarkItemDto } from "@/lib/api-types";
import type { TMessageKey } from "@/i18n/translate";
import { decisionBody, draftOf, draftProblem, editBody, lengthRatio, MAX_NOTE, MAX_OPTION, MAX_QUESTION, type TItemDraft, type TReviewBody } from "../lib/review-edit";

/** Accept or reject with an optional note; "Edit" hands over to the edit form. */
export function ReviewBar({ item, busy, onReview, onEdit }: { item: TBenchmarkItemDto; busy: boolean; onReview: (body: TReviewBody) => void; onEdit: () => void }) {
  const t = useT();
  const [note, setNote] = useState("");
  return (
    <section aria-label={t("benchmarks.review.title")} className="flex flex-col gap-2 rounded-md border border-line p-2" data-testid="benchmark-review">
      <TextAreaField label={t("benchmarks.review.note")} value={note} onChange={(event) => setNote(event.target.value)} maxLength={MAX_NOTE}
        placeholder={t("benchmarks.review.notePlaceholder")} className="min-h-12" />
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="primary" icon="check" busy={busy} disabled={item.review === "accepted" && !note.trim()}
          onClick={() => { onReview(decisionBody("accept", note)); setNote(""); }}>
          {t("benchmarks.review.accept")}
        </Button>
        <Button size="sm" variant="danger" icon="close" busy={busy} disabled={item.review === "rejected" && !note.trim()}
          onClick={() => { onReview(decisionBody("reject", note)); setNote(""); }}>
          {t("benchmarks.review.reject")}
        </Button>
        <Button size="sm" icon="edit" onClick={onEdit}>{t("common.edit")}</Button>
      </div>
    </section>
  );
}

/**
 * The expert's edit of the wording: question, option texts and a note. Labels and the answer key
 * stay as generated. Ctrl+Enter saves, Escape cancels.
 */
export function ItemEditForm({ item, maxLengthRatio, onSave, onCancel }: { item: TBenchmarkItemDto; maxLengthRatio: number; onSave: (body: TReviewBody) => void; onCancel: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [draft, setDraft] = useState<TItemDraft>(() => draftOf(item));
  const problem = draftProblem(item, draft, maxLengthRatio);
  const ratio = lengthRatio(draft.options.map((o) => o.text.trim()));
  const submit = () => {
    if (!problem) onSave(editBody(item, draft));
  };
  return (
    <form
      aria-label={t("benchmarks.review.editTitle")}
      data-testid="benchmark-edit-form"
      className="flex flex-col gap-2 rounded-md border border-accent/60 p-2"
      onSubmit={(event) => { event.preventDefault(); submit(); }}
      onKeyDown={(event) => {
        if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); onCancel(); }
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); submit(); }
      }}
    >
      <TextAreaField label={t("benchmarks.items.question")} value={draft.question} autoFocus maxLength={MAX_QUESTION}
        onChange={(event) => setDraft({ ...draft, question: event.target.value })} />
      {draft.options.map((option, i) => (
        <TextAreaField key={option.label} label={t("benchmarks.review.optionLabel", { label: option.label, correct: item.options[i]?.correct ? t("benchmarks.detail.correct") : t("benchmarks.detail.distractor") })}
          value={option.text} maxLength={MAX_OPTION} className="min-h-10"
          onChange={(event) => setDraft({ ...draft, options: draft.options.map((o, j) => (j === i ? { ...o, text: event.target.value } : o)) })} />
      ))}
      <TextAreaField label={t("benchmarks.review.note")} value={draft.note} maxLength={MAX_NOTE} className="min-h-12"
        onChange={(event) => setDraft({ ...draft, note: event.target.value })} hint={t("benchmarks.review.editHint")} />
      <p className={cx("text-xs tabular-nums", ratio > maxLengthRatio ? "text-danger" : "text-muted")} data-testid="benchmark-edit-ratio">
        {t("benchmarks.review.ratio", { ratio: Number.isFinite(ratio) ? formatDecimal(ratio, locale, 2) : "∞", bound: formatDecimal(maxLengthRatio, locale, 2) })}
      </p>
      {problem && problem !== "unchanged" ? <p className="text-xs text-danger" role="alert">{t(`benchmarks.review.problem.${problem}` as TMessageKey)}</p> : null}
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={onCancel}>{t("common.cancel")}</Button>
        <Button size="sm" variant="primary" type="submit" icon="check" disabled={!!problem}>{t("benchmarks.review.saveEdit")}</Button>
      </div>
    </form>
  );
}
