"use client";

import { can } from "@proda/core";
import { useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, IconButton } from "@/components/ui/button";
import { DetailQuery } from "@/components/ui/detail-query";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TConceptDetailDto, TRelationDto } from "@/lib/api-types";
import { useConceptDetail } from "../hooks/use-concept-detail";
import { useUpdateConcept } from "../hooks/use-update-concept";
import { ConceptEditForm } from "./concept-edit-form";
import { EditError } from "./edit-error";
import { QuoteText } from "./quote-text";
import { RelationTypeBadge } from "./relation-type-badge";
import { formatCount } from "@/i18n/format";

function Section({ title, count, children, testId }: { title: string; count?: number; children: ReactNode; testId?: string }) {
  const { locale } = useLocale();
  return (
    <section className="flex flex-col gap-1.5" data-testid={testId}>
      <h4 className="text-[11px] font-semibold text-muted uppercase">
        {title}
        {count !== undefined ? <span className="ml-1 font-normal tabular-nums">({formatCount(count, locale)})</span> : null}
      </h4>
      {children}
    </section>
  );
}

function RelationItem({ relation, direction, onOpenConcept }: { relation: TRelationDto; direction: "out" | "in"; onOpenConcept: (id: string) => void }) {
  const other = direction === "out" ? relation.object : relation.subject;
  return (
    <li className="flex flex-col gap-1 rounded-sm border border-line/70 p-2">
      <span className="flex min-w-0 flex-wrap items-center gap-1.5 text-[13px]">
        {direction === "in" ? (
          <button type="button" className="truncate font-medium text-link hover:underline" onClick={() => onOpenConcept(other.id)}>{other.term}</button>
        ) : null}
        <RelationTypeBadge type={relation.type} negated={relation.negated} />
        {direction === "out" ? (
          <button type="button" className="truncate font-medium text-link hover:underline" onClick={() => onOpenConcept(other.id)}>{other.term}</button>
        ) : null}
      </span>
      <QuoteText relation={relation} />
      <span className="truncate text-[11px] text-muted" title={relation.quote.documentName}>{relation.quote.documentName}</span>
    </li>
  );
}

function Definitions({ detail }: { detail: TConceptDetailDto }) {
  const t = useT();
  // The canonical definition first, then the other wordings found in the sources (one each).
  const seen = new Set<string>();
  const items: { text: string; source: string | null }[] = [];
  if (detail.concept.definition) {
    seen.add(detail.concept.definition.trim().toLowerCase());
    items.push({ text: detail.concept.definition, source: null });
  }
  for (const m of detail.mentions) {
    const key = m.definition?.trim().toLowerCase();
    if (!m.definition || !key || seen.has(key)) continue;
    seen.add(key);
    items.push({ text: m.definition, source: m.documentName });
  }
  if (items.length === 0) return <p className="text-xs text-muted italic">{t("knowledge.concepts.noDefinition")}</p>;
  return (
    <ul className="flex flex-col gap-1.5">
      {items.map((item, i) => (
        <li key={i} className="text-[13px] leading-5 text-fg">
          {item.text}
          {item.source ? <span className="block text-[11px] text-muted">{item.source}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** The side panel of one concept: definitions, aliases, mentions, relations with quotes, chains. */
export function ConceptDetail({
  versionId,
  conceptId,
  editable,
  onClose,
  onOpenConcept,
  onOpenChain,
  onExplore,
}: {
  versionId: string;
  conceptId: string;
  editable: boolean;
  onClose: () => void;
  onOpenConcept: (id: string) => void;
  onOpenChain: (id: string) => void;
  onExplore: (id: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const detail = useConceptDetail(projectId, versionId, conceptId);
  const update = useUpdateConcept(projectId, versionId);
  const [editing, setEditing] = useState(false);
  const canEdit = editable && can(role, "knowledge.edit");
  const concept = detail.data?.concept;
  const mentionsByDocument = new Map<string, number>();
  for (const m of detail.data?.mentions ?? []) mentionsByDocument.set(m.documentName, (mentionsByDocument.get(m.documentName) ?? 0) + 1);

  return (
    <aside
      aria-label={concept ? t("knowledge.detail.label", { term: concept.term }) : t("knowledge.detail.loading")}
      data-testid="knowledge-concept-detail"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !event.defaultPrevented && !(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)) onClose();
      }}
      className="flex min-h-0 w-full flex-col overflow-hidden rounded-md border border-line bg-sidebar/40 lg:w-[26rem] lg:shrink-0"
    >
      <header className="flex items-start gap-2 border-b border-line px-3 py-2">
        <div className="min-w-0 flex-1">
          <h3 className="truncate text-base font-semibold text-strong" title={concept?.term}>{concept?.term ?? t("knowledge.detail.loading")}</h3>
          {concept ? (
            <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-muted">
              <Badge>{concept.type}</Badge>
              <span>{concept.discipline}</span>
              <span>· {t("knowledge.detail.degree", { count: formatCount(concept.degree, locale) })}</span>
            </div>
          ) : null}
        </div>
        <IconButton icon="close" label={t("common.close")} onClick={onClose} autoFocus />
      </header>
      <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-auto px-3 py-3">
        <DetailQuery query={detail} loading={t("knowledge.detail.loading")} goneTitle={t("knowledge.detail.goneTitle")} goneBody={t("knowledge.detail.goneBody")}>
          {(data) => (
            <>
              <div className="flex flex-wrap gap-2">
                <Button size="sm" icon="knowledge" onClick={() => onExplore(data.concept.id)}>{t("knowledge.detail.explore")}</Button>
                {canEdit && !editing ? <Button size="sm" icon="edit" onClick={() => { update.reset(); setEditing(true); }}>{t("common.edit")}</Button> : null}
              </div>
              <EditError mutation={update} />
              {editing ? (
                <ConceptEditForm
                  concept={data.concept}
                  onCancel={() => setEditing(false)}
                  onSave={(patch) => {
                    if (Object.keys(patch).length > 0) update.mutate({ id: data.concept.id, patch });
                    setEditing(false);
                  }}
                />
              ) : null}
              <Section title={t("knowledge.detail.definitions")}>
                <Definitions detail={data} />
              </Section>
              {data.concept.aliases.length > 0 ? (
                <Section title={t("knowledge.concepts.aliases")} count={data.concept.aliases.length}>
                  <ul className="flex flex-wrap gap-1">
                    {data.concept.aliases.map((alias) => <li key={alias}><Badge>{alias}</Badge></li>)}
                  </ul>
                </Section>
              ) : null}
              <Section title={t("knowledge.detail.mentions")} count={data.mentions.length}>
                <ul className="flex flex-col gap-0.5 text-xs">
                  {[...mentionsByDocument].map(([name, count]) => (
                    <li key={name} className="flex justify-between gap-2"><span className="truncate text-fg" title={name}>{name}</span><span className="text-muted tabular-nums">×{count}</span></li>
                  ))}
                </ul>
              </Section>
              <Section title={t("knowledge.detail.outgoing")} count={data.outgoing.length} testId="knowledge-detail-outgoing">
                {data.outgoing.length ? (
                  <ul className="flex flex-col gap-1.5">{data.outgoing.map((r) => <RelationItem key={r.id} relation={r} direction="out" onOpenConcept={onOpenConcept} />)}</ul>
                ) : <p className="text-xs text-muted">{t("knowledge.detail.none")}</p>}
              </Section>
              <Section title={t("knowledge.detail.incoming")} count={data.incoming.length} testId="knowledge-detail-incoming">
                {data.incoming.length ? (
                  <ul className="flex flex-col gap-1.5">{data.incoming.map((r) => <RelationItem key={r.id} relation={r} direction="in" onOpenConcept={onOpenConcept} />)}</ul>
                ) : <p className="text-xs text-muted">{t("knowledge.detail.none")}</p>}
              </Section>
              <Section title={t("knowledge.detail.chains")} count={data.chains.length} testId="knowledge-detail-chains">
                {data.chains.length ? (
                  <ul className="flex flex-col gap-0.5">
                    {data.chains.map((chain) => (
                      <li key={chain.id}>
                        <button type="button" className="max-w-full truncate text-left text-[13px] text-link hover:underline" onClick={() => onOpenChain(chain.id)}>{chain.title}</button>
                      </li>
                    ))}
                  </ul>
                ) : <p className="text-xs text-muted">{t("knowledge.detail.none")}</p>}
              </Section>
            </>
          )}
        </DetailQuery>
      </div>
    </aside>
  );
}
