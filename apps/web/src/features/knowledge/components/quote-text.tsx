"use client";

import { useMemo } from "react";
import { cx } from "@/components/ui/cx";
import { useT } from "@/i18n/i18n-provider";
import type { TRelationDto } from "@/lib/api-types";
import { highlightRelationQuote } from "../lib/highlight-segments";

const ROLE_CLASS = {
  subject: "bg-accent/25 text-strong",
  object: "bg-success/20 text-strong",
} as const;

/** A relation's source quote with its subject and object marked; text only, never HTML. */
export function QuoteText({ relation, className }: { relation: Pick<TRelationDto, "quote" | "subject" | "object">; className?: string }) {
  const t = useT();
  const segments = useMemo(
    () => highlightRelationQuote(relation.quote.text, [relation.subject.term], [relation.object.term]),
    [relation.quote.text, relation.subject.term, relation.object.term],
  );
  return (
    <blockquote className={cx("border-l-2 border-line-strong pl-2 text-xs leading-5 text-fg", className)} data-testid="knowledge-quote">
      {segments.map((segment) => {
        const role = segment.keys[0];
        return role ? (
          <mark key={segment.start} data-role={role} className={cx("rounded-sm px-0.5", ROLE_CLASS[role])} title={t(`knowledge.quote.${role}`)}>
            {segment.text}
          </mark>
        ) : (
          <span key={segment.start}>{segment.text}</span>
        );
      })}
    </blockquote>
  );
}
