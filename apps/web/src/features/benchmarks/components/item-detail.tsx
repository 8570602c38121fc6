"use client";

import { useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { IconButton } from "@/components/ui/button";
import { DetailQuery } from "@/components/ui/detail-query";
import { EditError } from "@/features/knowledge/components/edit-error";
import { QuoteText } from "@/features/knowledge/components/quote-text";
import { RelationTypeBadge } from "@/features/knowledge/components/relation-type-badge";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatDateTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TBenchmarkItemDetailDto } from "@/lib/api-types";
import { useBenchmarkItem } from "../hooks/use-benchmark-item";
import { useReviewItem } from "../hooks/use-review-item";
import { optionProvenance, testedRelations } from "../lib/item-provenance";
import { modeLabel } from "../lib/labels";
import { ItemEditForm, ReviewBar } from "./item-review";
import { OptionProvenance } from "./option-provenance";
import { ReviewBadge } from "./review-badge";

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="flex flex-col gap-1.5" data-testid={testId}>
      <h4 className="text-[11px] font-semibold text-muted uppercase">{title}</h4>
      {children}
    </section>
  );
}

function Provenance({ detail }: { detail: TBenchmarkItemDetailDto }) {
  const t = useT();
  const tested = testedRelations(detail);
  return (
    <>
      {tested.length ? (
        <Section title={t("benchmarks.detail.tested")} testId="benchmark-detail-tested">
          <ul className="flex flex-col gap-1.5">
            {tested.map((r) => (
              <li key={r.id} className="flex flex-col gap-1 rounded-sm border border-line/70 p-2">
                <span className="flex min-w-0 flex-wrap items-center gap-1 text-xs">
                  <span className="font-medium text-strong">{r.subject.term}</span>
                  <RelationTypeBadge type={r.type} negated={r.negated} />
                  <span className="font-medium text-strong">{r.object.term}</span>
                </span>
                <QuoteText relation={r} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {detail.chain ? (
        <Section title={t("benchmarks.detail.chain", { title: detail.chain.title })} testId="benchmark-detail-chain">
          <ol className="flex list-decimal flex-col gap-0.5 pl-5 text-xs text-fg">
            {[...detail.chain.steps].sort((a, b) => a.order - b.order).map((step) => <li key={step.order}>{step.text}</li>)}
          </ol>
        </Section>
      ) : null}
      {detail.concepts.length ? (
        <Section title={t("benchmarks.detail.concepts")}>
          <ul className="flex flex-wrap gap-1">{detail.concepts.map((c) => <li key={c.id}><Badge>{c.term}</Badge></li>)}</ul>
        </Section>
      ) : null}
      {detail.original ? (
        <Section title={t("benchmarks.detail.original")} testId="benchmark-detail-original">
          <p className="text-xs text-fg">{detail.original.question}</p>
          <ul className="flex flex-col gap-0.5 text-xs text-muted">
            {detail.original.options.map((o) => <li key={o.label}><span className="font-semibold">{o.label}.</span> {o.text}</li>)}
          </ul>
        </Section>
      ) : null}
    </>
  );
}

/**
 * The side panel of one item: its question, each option (distractors beside the true relation they
 * perturb), the chain it comes from, its concepts and, for reviewers, accept / reject / edit.
 */
export function ItemDetail({
  benchmarkId,
  itemId,
  reviewable,
  maxLengthRatio,
  startEditing,
  onClose,
}: {
  benchmarkId: string;
  itemId: string;
  reviewable: boolean;
  /** The benchmark's option-length bound: an edit must stay within it. */
  maxLengthRatio: number;
  startEditing: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId } = useWorkbench();
  const detail = useBenchmarkItem(projectId, benchmarkId, itemId);
  const review = useReviewItem(projectId, benchmarkId);
  const [editing, setEditing] = useState(startEditing && reviewable);
  const item = detail.data?.item;

  return (
    <aside
      aria-label={item ? t("benchmarks.detail.label", { number: item.position + 1 }) : t("benchmarks.detail.loading")}
      data-testid="benchmark-item-detail"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !event.defaultPrevented && !(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)) onClose();
      }}
      className="flex min-h-0 w-full flex-col overflow-hidden rounded-md border border-line bg-sidebar/40 lg:w-[34rem] lg:shrink-0 2xl:w-[44rem]"
    >
      <header className="flex items-start gap-2 border-b border-line px-3 py-2">
        <div className="min-w-0 flex-1">
          <h3 className="text-base font-semibold text-strong">{item ? t("benchmarks.detail.label", { number: item.position + 1 }) : t("benchmarks.detail.loading")}</h3>
          {item ? (
            <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-muted">
              <ReviewBadge review={item.review} />
              <Badge>{modeLabel(item.mode, t)}</Badge>
              <span>{item.discipline}</span>
              <span>· {t("benchmarks.detail.difficulty", { level: item.level, length: item.chainLength })}</span>
            </div>
          ) : null}
        </div>
        <IconButton icon="close" label={t("common.close")} onClick={onClose} autoFocus />
      </header>
      <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-auto px-3 py-3">
        <DetailQuery query={detail} loading={t("benchmarks.detail.loading")} goneTitle={t("benchmarks.detail.goneTitle")} goneBody={t("benchmarks.detail.goneBody")}>
          {(data) => (
            <>
              <EditError mutation={review} />
              {editing ? (
                <ItemEditForm item={data.item} maxLengthRatio={maxLengthRatio} onCancel={() => setEditing(false)}
                  onSave={(body) => { review.mutate({ item: data.item, body }); setEditing(false); }} />
              ) : (
                <>
                  <p className="text-[13px] leading-5 font-medium text-strong" data-testid="benchmark-detail-question">{data.item.question}</p>
                  <Section title={t("benchmarks.detail.options", { answer: data.item.answer })} testId="benchmark-detail-options">
                    <ul className="flex flex-col gap-1.5">
                      {optionProvenance(data).map((entry) => <OptionProvenance key={entry.option.label} entry={entry} />)}
                    </ul>
                  </Section>
                </>
              )}
              {reviewable && !editing ? (
                <ReviewBar item={data.item} busy={review.isPending} onReview={(body) => review.mutate({ item: data.item, body })} onEdit={() => { review.reset(); setEditing(true); }} />
              ) : null}
              {data.item.reviewNote || data.item.reviewedAt ? (
                <p className="text-xs text-muted" data-testid="benchmark-detail-review-note">
                  {data.item.reviewedAt ? t("benchmarks.detail.reviewedAt", { when: formatDateTime(data.item.reviewedAt, locale) }) : null}
                  {data.item.reviewNote ? <span className="block text-fg">“{data.item.reviewNote}”</span> : null}
                </p>
              ) : null}
              <Provenance detail={data} />
            </>
          )}
        </DetailQuery>
      </div>
    </aside>
  );
}
