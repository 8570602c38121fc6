"use client";

import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { Icon } from "@/components/icons";
import { QuoteText } from "@/features/knowledge/components/quote-text";
import { RelationTypeBadge } from "@/features/knowledge/components/relation-type-badge";
import { useT } from "@/i18n/i18n-provider";
import { operatorLabel } from "../lib/labels";
import type { TOptionProvenance } from "../lib/item-provenance";

/**
 * One option of an item. A correct one is marked; a distractor shows its operator and what changed,
 * beside the true relation it was made from (statement and quote), so a reviewer sees at a glance
 * why it is false.
 */
export function OptionProvenance({ entry }: { entry: TOptionProvenance }) {
  const t = useT();
  const { option, source, statement } = entry;
  const distractor = option.distractor;
  return (
    <li data-testid="benchmark-option" data-label={option.label} data-correct={option.correct}
      className={cx("grid gap-2 rounded-md border p-2", option.correct ? "border-success/50 bg-success/5" : "border-line", distractor && "md:grid-cols-2")}>
      <div className="flex min-w-0 flex-col gap-1">
        <p className="flex items-start gap-2 text-[13px] text-fg">
          <span className={cx("mt-px flex h-5 w-5 shrink-0 items-center justify-center rounded-sm border text-xs font-semibold", option.correct ? "border-success text-success" : "border-line-strong text-muted")}>{option.label}</span>
          <span className="min-w-0 flex-1 break-words">{option.text}</span>
        </p>
        {option.correct ? (
          <Badge tone="success" className="self-start"><Icon name="check" size={11} />{t("benchmarks.detail.correct")}</Badge>
        ) : distractor ? (
          <div className="flex flex-col gap-1 pl-7">
            <Badge tone="info" className="self-start" >
              <span data-testid="benchmark-operator">{operatorLabel(distractor.operator, t)}</span>
            </Badge>
            <p className="text-xs text-fg" data-testid="benchmark-changed"><span className="text-muted">{t("benchmarks.detail.changed")} </span>{distractor.changed}</p>
            {statement ? (
              <p className="flex flex-wrap items-center gap-1 text-[11px] text-muted">
                {t("benchmarks.detail.asserts")}
                <span className="text-fg">{statement.subject}</span>
                <RelationTypeBadge type={statement.type} negated={statement.negated} />
                <span className="text-fg">{statement.object}</span>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      {distractor ? (
        <div className="flex min-w-0 flex-col gap-1 rounded-sm border border-line/70 bg-sidebar/50 p-2" data-testid="benchmark-source-relation">
          <span className="text-[11px] font-semibold text-muted uppercase">{t("benchmarks.detail.trueRelation")}</span>
          {source ? (
            <>
              <span className="flex min-w-0 flex-wrap items-center gap-1 text-xs">
                <span className="font-medium text-strong">{source.subject.term}</span>
                <RelationTypeBadge type={source.type} negated={source.negated} />
                <span className="font-medium text-strong">{source.object.term}</span>
              </span>
              <QuoteText relation={source} />
              <span className="truncate text-[11px] text-muted" title={source.quote.documentName}>{source.quote.documentName}</span>
            </>
          ) : (
            <span className="text-xs text-muted">{t("benchmarks.detail.relationMissing", { id: distractor.sourceRelationId })}</span>
          )}
        </div>
      ) : null}
    </li>
  );
}
