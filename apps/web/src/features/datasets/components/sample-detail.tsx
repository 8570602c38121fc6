"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { IconButton } from "@/components/ui/button";
import { operatorLabel } from "@/features/benchmarks/lib/labels";
import { useT } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/translate";
import type { TSampleDto } from "@/lib/api-types";
import { sampleProvenance, samplePerturbations } from "../lib/dataset-view";
import { sampleTypeLabel } from "../lib/labels";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-1.5">
      <h4 className="text-[11px] font-semibold text-muted uppercase">{title}</h4>
      {children}
    </section>
  );
}

const ROLE_CLASS: Record<string, string> = {
  system: "border-line bg-sidebar/50 text-muted",
  user: "border-accent/40 bg-accent/5 text-fg",
  assistant: "border-success/40 bg-success/5 text-fg",
};

/** One sample: its messages as the model will see them, and the nodes and chunks it was made from. */
export function SampleDetail({ sample, onClose }: { sample: TSampleDto; onClose: () => void }) {
  const t = useT();
  const provenance = sampleProvenance(sample.meta ?? {});
  const perturbations = samplePerturbations(sample.meta ?? {});
  return (
    <aside
      aria-label={t("datasets.sample.label", { number: sample.position + 1 })}
      data-testid="dataset-sample-detail"
      onKeyDown={(event) => { if (event.key === "Escape" && !event.defaultPrevented) onClose(); }}
      className="flex min-h-0 w-full flex-col overflow-hidden rounded-md border border-line bg-sidebar/40 lg:w-[28rem] lg:shrink-0"
    >
      <header className="flex items-start gap-2 border-b border-line px-3 py-2">
        <div className="min-w-0 flex-1">
          <h3 className="text-base font-semibold text-strong">{t("datasets.sample.label", { number: sample.position + 1 })}</h3>
          <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-muted">
            <Badge>{sampleTypeLabel(sample.type, t)}</Badge>
            <span>{sample.discipline}</span>
            <code className="truncate text-[11px]" title={sample.key}>{sample.key.slice(0, 12)}</code>
          </div>
        </div>
        <IconButton icon="close" label={t("common.close")} onClick={onClose} autoFocus />
      </header>
      <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-auto px-3 py-3">
        <Section title={t("datasets.sample.messages")}>
          <ol className="flex flex-col gap-1.5" data-testid="dataset-sample-messages">
            {sample.messages.map((m, i) => (
              <li key={i} className={`rounded-md border px-2 py-1.5 text-[13px] leading-5 ${ROLE_CLASS[m.role] ?? ROLE_CLASS.system}`}>
                <span className="block text-[11px] font-semibold text-muted uppercase">{m.role}</span>
                <span className="break-words whitespace-pre-wrap">{m.content}</span>
              </li>
            ))}
          </ol>
        </Section>
        <Section title={t("datasets.sample.provenance")}>
          <dl className="flex flex-col gap-1 text-xs" data-testid="dataset-sample-provenance">
            {provenance.documentId ? (
              <div className="flex gap-2"><dt className="w-28 shrink-0 text-muted">{t("datasets.sample.document")}</dt><dd className="min-w-0 truncate font-mono text-[11px]">{provenance.documentId}</dd></div>
            ) : null}
            {provenance.lists.map((list) => (
              <div key={list.key} className="flex gap-2">
                <dt className="w-28 shrink-0 text-muted">{t(`datasets.sample.${list.key}` as TMessageKey)} ({list.ids.length})</dt>
                <dd className="min-w-0 font-mono text-[11px] break-all">{list.ids.join(", ")}</dd>
              </div>
            ))}
          </dl>
        </Section>
        {perturbations.length ? (
          <Section title={t("datasets.sample.perturbations")}>
            <ul className="flex flex-col gap-1 text-xs">
              {perturbations.map((p, i) => (
                <li key={i} className="flex flex-col gap-0.5 rounded-sm border border-line/70 p-1.5">
                  <Badge tone="info" className="self-start">{operatorLabel(p.operator, t)}</Badge>
                  <span className="text-fg">{p.changed}</span>
                  <span className="font-mono text-[11px] text-muted">{p.sourceRelationId}</span>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
      </div>
    </aside>
  );
}
