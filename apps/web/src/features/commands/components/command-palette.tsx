"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Icon } from "@/components/icons";
import { cx } from "@/components/ui/cx";
import { useT } from "@/i18n/i18n-provider";
import { useFormatKeys } from "../hooks/use-format-keys";
import { rankByFuzzy } from "../lib/fuzzy";
import type { TPaletteItem } from "../lib/types";
import { Highlighted } from "./highlighted";

const COMMAND_PREFIX = ">";
const recentlyRun = new Map<string, number>();

function label(item: TPaletteItem): string {
  return item.kind === "command" && item.category ? `${item.category}: ${item.title}` : item.title;
}

/**
 * VS Code's palette: a leading ">" lists commands, no prefix lists things to open. The native modal
 * <dialog> keeps focus inside; Tab is swallowed so focus never leaves the input.
 */
export function CommandPalette({
  open,
  initialMode,
  items,
  onClose,
}: {
  open: boolean;
  initialMode: "commands" | "quick-open";
  items: TPaletteItem[];
  onClose: () => void;
}) {
  const t = useT();
  const formatKeys = useFormatKeys();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [query, setQuery] = useState(initialMode === "commands" ? COMMAND_PREFIX : "");
  const [active, setActive] = useState(0);
  const listId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
  }, [open]);

  const commandMode = query.startsWith(COMMAND_PREFIX);
  const search = commandMode ? query.slice(COMMAND_PREFIX.length) : query;
  const results = useMemo(() => {
    const pool = items.filter((item) => item.kind === (commandMode ? "command" : "open"));
    if (!search.trim()) {
      const recent = (item: TPaletteItem) => recentlyRun.get(item.id) ?? 0;
      return [...pool]
        .sort((a, b) => recent(b) - recent(a))
        .map((item) => ({ item, match: { score: 0, indices: [] as number[] } }));
    }
    return rankByFuzzy(pool, search, label);
  }, [items, commandMode, search]);

  const activeIndex = Math.min(active, Math.max(0, results.length - 1));
  const activeId = results.length ? `${listId}-${activeIndex}` : undefined;

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: "nearest" });
  }, [activeIndex]);

  if (!open) return null;

  const run = (item: TPaletteItem) => {
    recentlyRun.set(item.id, Date.now());
    onClose();
    // Let the dialog close (and focus return) before the command moves focus or navigates.
    requestAnimationFrame(() => item.run());
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const move = (delta: number) => {
      event.preventDefault();
      if (results.length) setActive((activeIndex + delta + results.length) % results.length);
    };
    if (event.key === "ArrowDown") move(1);
    else if (event.key === "ArrowUp") move(-1);
    else if (event.key === "PageDown" || event.key === "PageUp") {
      event.preventDefault();
      const target = activeIndex + (event.key === "PageDown" ? 8 : -8);
      setActive(Math.max(0, Math.min(results.length - 1, target)));
    } else if (event.key === "Tab") event.preventDefault();
    else if (event.key === "Enter") {
      event.preventDefault();
      const chosen = results[activeIndex];
      if (chosen) run(chosen.item);
    }
  };

  const dialogLabel = commandMode ? t("palette.commandsLabel") : t("palette.quickOpenLabel");

  return (
    <dialog
      ref={dialogRef}
      aria-label={dialogLabel}
      data-testid="command-palette"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      className="mx-auto mt-[10vh] w-[min(38rem,calc(100vw-2rem))] overflow-hidden rounded-md border border-line-strong bg-elevated p-0 text-fg shadow-2xl shadow-shadow backdrop:bg-black/20"
    >
      <div className="p-1.5">
        <input
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-autocomplete="list"
          aria-label={dialogLabel}
          placeholder={commandMode ? t("palette.commandsPlaceholder") : t("palette.quickOpenPlaceholder")}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          spellCheck={false}
          className="h-7 w-full rounded-sm border border-accent bg-input px-2 text-[13px] text-strong outline-none placeholder:text-muted"
        />
      </div>
      <ul ref={listRef} id={listId} role="listbox" aria-label={dialogLabel} className="max-h-[50vh] overflow-y-auto pb-1.5">
        {results.length === 0 ? (
          <li role="presentation" className="px-3 py-2 text-muted">
            {commandMode ? t("palette.noCommands") : t("palette.noResults")}
          </li>
        ) : (
          results.map(({ item, match }, index) => (
            <li
              key={item.id}
              id={`${listId}-${index}`}
              data-index={index}
              role="option"
              aria-selected={index === activeIndex}
              onMouseMove={() => index !== activeIndex && setActive(index)}
              onClick={() => run(item)}
              className={cx(
                "mx-1.5 flex items-center gap-2 rounded-sm px-2 py-1",
                index === activeIndex ? "bg-selected text-strong" : "text-fg",
              )}
            >
              {item.icon ? <Icon name={item.icon} size={14} className="shrink-0 text-muted" /> : null}
              <span className="min-w-0 flex-1 truncate">
                <Highlighted text={label(item)} indices={match.indices} />
                {item.detail ? <span className="ml-2 text-xs text-muted">{item.detail}</span> : null}
              </span>
              {item.keybinding ? (
                <span className="shrink-0 font-mono text-[11px] text-muted">{formatKeys(item.keybinding)}</span>
              ) : null}
            </li>
          ))
        )}
      </ul>
      <p className="border-t border-line px-3 py-1 text-[11px] text-muted">
        {commandMode ? t("palette.hintCommands") : t("palette.hintQuickOpen")}
      </p>
    </dialog>
  );
}
