"use client";

import { useEffect, useMemo, useRef } from "react";
import { Icon } from "@/components/icons";
import { cx } from "@/components/ui/cx";
import { useT } from "@/i18n/i18n-provider";
import type { TChainDetailDto } from "@/lib/api-types";
import { segmentBySpans, type TSpanInput } from "../lib/highlight-segments";
import { RelationTypeBadge } from "./relation-type-badge";

const spanId = (order: number) => `knowledge-chain-span-${order}`;

/** The steps as a list (the flow's keyboard and screen-reader twin). */
export function ChainStepList({ detail, selectedStep, onSelectStep }: { detail: TChainDetailDto; selectedStep: number | null; onSelectStep: (order: number) => void }) {
  const t = useT();
  return (
    <ol aria-label={t("knowledge.chain.steps")} className="flex flex-col gap-1" data-testid="knowledge-chain-steps">
      {detail.steps.map((step) => (
        <li key={step.order}>
          <button
            type="button"
            aria-current={step.order === selectedStep ? "step" : undefined}
            onClick={() => onSelectStep(step.order)}
            className={cx(
              "flex w-full items-center gap-2 rounded-sm border px-2 py-1 text-left text-[13px]",
              step.order === selectedStep ? "border-accent bg-accent/10" : "border-line hover:bg-hover",
            )}
          >
            <span className="flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-accent text-[11px] font-semibold text-accent-fg">{step.order}</span>
            <span className="truncate text-strong">{step.relation.subject.term}</span>
            <RelationTypeBadge type={step.relation.type} negated={step.relation.negated} />
            <span className="truncate text-strong">{step.relation.object.term}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

/**
 * The source chunk with each step's quote highlighted (the selected one strongly), preconditions
 * underlined and negative constraints in the warning colour; rendered piece by piece as text.
 */
export function ChainSourceText({ detail, selectedStep, onSelectStep }: { detail: TChainDetailDto; selectedStep: number | null; onSelectStep: (order: number) => void }) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const segments = useMemo(() => {
    const spans: TSpanInput[] = [];
    for (const step of detail.steps) {
      if (step.relation.quote.chunkId === detail.chunk.id) spans.push({ start: step.relation.quote.start, end: step.relation.quote.end, key: `step:${step.order}` });
    }
    detail.preconditions.forEach((note, i) => spans.push({ start: note.start, end: note.end, key: `pre:${i}` }));
    detail.negativeConstraints.forEach((note, i) => spans.push({ start: note.start, end: note.end, key: `neg:${i}` }));
    return segmentBySpans(detail.chunk.text, spans);
  }, [detail]);

  useEffect(() => {
    if (selectedStep === null) return;
    container.current?.querySelector(`#${spanId(selectedStep)}`)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [selectedStep]);

  const firstOf = new Set<number>();
  return (
    <div
      ref={container}
      role="document"
      aria-label={t("knowledge.chain.source", { name: detail.chunk.documentName })}
      data-testid="knowledge-chain-source"
      className="rounded-md border border-line bg-sidebar/40 p-3 text-[13px] leading-6 whitespace-pre-wrap text-fg"
    >
      {segments.map((segment) => {
        if (segment.keys.length === 0) return <span key={segment.start}>{segment.text}</span>;
        const steps = segment.keys.filter((k) => k.startsWith("step:")).map((k) => Number(k.slice(5)));
        const negative = segment.keys.some((k) => k.startsWith("neg:"));
        const condition = segment.keys.some((k) => k.startsWith("pre:"));
        const selected = selectedStep !== null && steps.includes(selectedStep);
        const first = steps.find((order) => !firstOf.has(order));
        if (first !== undefined) for (const order of steps) firstOf.add(order);
        return (
          <mark
            key={segment.start}
            id={first !== undefined ? spanId(first) : undefined}
            data-steps={steps.join(" ") || undefined}
            data-negative={negative || undefined}
            data-selected={selected || undefined}
            title={[
              ...steps.map((order) => t("knowledge.chain.stepShort", { order })),
              ...(condition ? [t("knowledge.chain.precondition")] : []),
              ...(negative ? [t("knowledge.chain.negative")] : []),
            ].join(" · ")}
            onClick={steps.length ? () => onSelectStep(steps[0]!) : undefined}
            className={cx(
              "rounded-sm text-strong",
              steps.length ? "cursor-pointer" : "",
              selected ? "bg-accent/40 ring-1 ring-accent" : steps.length ? "bg-accent/15" : negative ? "bg-warning/20" : "bg-info/15",
              condition && "underline decoration-info decoration-dotted underline-offset-4",
              negative && steps.length === 0 && "decoration-warning",
            )}
          >
            {segment.text}
          </mark>
        );
      })}
    </div>
  );
}

/** Preconditions, and negative constraints (what must not be concluded) as warnings. */
export function ChainNotes({ detail }: { detail: TChainDetailDto }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-3">
      <section aria-label={t("knowledge.chain.preconditions")} className="flex flex-col gap-1">
        <h4 className="text-[11px] font-semibold text-muted uppercase">{t("knowledge.chain.preconditions")}</h4>
        {detail.preconditions.length ? (
          <ul className="flex flex-col gap-1" data-testid="knowledge-chain-preconditions">
            {detail.preconditions.map((note, i) => (
              <li key={i} className="flex items-start gap-2 rounded-sm border border-info/40 bg-info/10 px-2 py-1 text-[13px] text-fg">
                <Icon name="info" size={14} className="mt-0.5 shrink-0 text-info" />
                {note.text}
              </li>
            ))}
          </ul>
        ) : <p className="text-xs text-muted">{t("knowledge.chain.noPreconditions")}</p>}
      </section>
      <section aria-label={t("knowledge.chain.negatives")} className="flex flex-col gap-1">
        <h4 className="text-[11px] font-semibold text-muted uppercase">{t("knowledge.chain.negatives")}</h4>
        {detail.negativeConstraints.length ? (
          <ul className="flex flex-col gap-1" data-testid="knowledge-chain-negatives">
            {detail.negativeConstraints.map((note, i) => (
              <li key={i} role="note" className="flex items-start gap-2 rounded-sm border border-warning/50 bg-warning/10 px-2 py-1 text-[13px] text-strong">
                <Icon name="alert" size={14} className="mt-0.5 shrink-0 text-warning" />
                {note.text}
              </li>
            ))}
          </ul>
        ) : <p className="text-xs text-muted">{t("knowledge.chain.noNegatives")}</p>}
      </section>
    </div>
  );
}
