"use client";

import { useId, useState } from "react";
import { Icon } from "@/components/icons";
import { cx } from "@/components/ui/cx";
import { CONTROL_CLASS } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useDebouncedValue } from "@/features/knowledge/hooks/use-debounced-value";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TConceptDto } from "@/lib/api-types";
import { useConceptSuggestions } from "../hooks/use-concept-suggestions";

/** Search-to-zoom: a combobox over the concept search; picking a concept centres and selects it. */
export function OverviewSearch({ versionId, discipline, onPick }: { versionId: string; discipline?: string; onPick: (concept: TConceptDto) => boolean }) {
  const t = useT();
  const { projectId } = useWorkbench();
  const listId = useId();
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const q = useDebouncedValue(text.trim().toLowerCase(), 200);
  const suggestions = useConceptSuggestions(projectId, versionId, q, discipline);
  const items = open && q.length >= 2 ? (suggestions.data ?? []) : [];

  const pick = (concept: TConceptDto | undefined) => {
    if (!concept) return;
    setOpen(false);
    setText(concept.term);
    setMissing(onPick(concept) ? null : concept.term);
  };

  return (
    <div className="relative flex items-center gap-1">
      <Icon name="search" size={14} className="pointer-events-none absolute left-2 text-muted" />
      <input
        role="combobox"
        aria-label={t("graph.search.label")}
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-activedescendant={items.length ? `${listId}-${active}` : undefined}
        data-testid="graph-overview-search"
        value={text}
        placeholder={t("graph.search.placeholder")}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
          setMissing(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            if (items.length) setActive((a) => (a + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length);
          } else if (event.key === "Enter") {
            event.preventDefault();
            pick(items[active]);
          } else if (event.key === "Escape" && open) {
            event.stopPropagation();
            setOpen(false);
          }
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        className={cx(CONTROL_CLASS, "h-7 w-56! pl-7")}
      />
      {suggestions.isFetching ? <Spinner size={12} label={t("graph.search.searching")} /> : null}
      {missing ? <span role="status" className="text-xs text-warning">{t("graph.search.notInView", { term: missing })}</span> : null}
      {items.length ? (
        <ul id={listId} role="listbox" aria-label={t("graph.search.results")} className="absolute top-8 left-0 z-20 w-72 overflow-hidden rounded-md border border-line-strong bg-elevated py-1 shadow">
          {items.map((concept, i) => (
            <li
              key={concept.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(concept);
              }}
              className={cx("flex cursor-pointer items-center gap-2 px-2 py-1 text-xs", i === active ? "bg-selected text-strong" : "text-fg hover:bg-hover")}
            >
              <span className="min-w-0 flex-1 truncate">{concept.term}</span>
              <span className="text-muted">{concept.discipline}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
