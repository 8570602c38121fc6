"use client";

import { useT } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/messages";
import type { TIconName } from "../icons";
import { Button } from "./button";
import { EmptyState } from "./empty-state";

type TPrefixOf<K extends string> = K extends `${infer P}.noMatchTitle` ? P : never;
/** A message group with noMatchTitle / noMatchBody / emptyTitle / emptyBody (e.g. "benchmarks.items"). */
export type TGridMessages = TPrefixOf<TMessageKey>;

/**
 * What a filtered table shows with no rows: "nothing matches" and a button that clears the filters,
 * or, unfiltered, "nothing here yet" (`emptyBody` replaces the group's own text, say while running).
 */
export function GridEmptyState({ messages, filtered, onClear, icon = "search", emptyBody }: {
  messages: TGridMessages;
  filtered: boolean;
  onClear: () => void;
  icon?: TIconName;
  emptyBody?: string;
}) {
  const t = useT();
  return (
    <EmptyState icon={icon} title={t(filtered ? `${messages}.noMatchTitle` : `${messages}.emptyTitle`)} className="rounded-md border border-dashed border-line-strong"
      action={filtered ? <Button onClick={onClear}>{t("knowledge.clearFilters")}</Button> : undefined}>
      {filtered ? t(`${messages}.noMatchBody`) : (emptyBody ?? t(`${messages}.emptyBody`))}
    </EmptyState>
  );
}
