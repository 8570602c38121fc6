"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Button, IconButton } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { ErrorMessage } from "@/components/ui/error-message";
import { CONTROL_CLASS } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useModels } from "@/features/evaluation/hooks/use-models";
import { evaluationHref } from "@/features/evaluation/lib/links";
import { isAskable } from "@/features/evaluation/lib/settings-form";
import { backendLabel } from "@/features/training/lib/labels";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import { CHAT_LIMITS, type TChatTurn } from "../lib/chat-turns";
import type { useChatSession } from "../hooks/use-chat-session";

function Turn({ turn, model }: { turn: TChatTurn; model: string }) {
  const t = useT();
  const user = turn.role === "user";
  return (
    <li className={cx("flex flex-col gap-0.5", user ? "items-end" : "items-start")} data-testid="chat-turn" data-role={turn.role} data-status={turn.status}>
      <span className="text-[11px] text-muted">{user ? t("chat.you") : model}</span>
      {/* Plain text: a model's reply is never rendered as HTML or Markdown. */}
      <div className={cx("max-w-[92%] rounded-md px-2.5 py-1.5 text-[13px] whitespace-pre-wrap break-words", user ? "bg-accent text-accent-fg" : "border border-line bg-sidebar text-fg")} data-testid="chat-text">
        {turn.content || (turn.status === "streaming" ? <Spinner size={12} /> : null)}
      </div>
      {turn.status === "stopped" ? <span className="text-[11px] text-muted">{t("chat.stopped")}</span> : null}
      {turn.status === "error" ? <ErrorMessage className="max-w-[92%]" message={turn.errorMessage} error={turn.error} /> : null}
    </li>
  );
}

/**
 * The chat drawer: a model select, the conversation (replies stream in as plain text), and the
 * message box — Enter sends, Shift+Enter adds a line; Stop while a reply streams; Clear.
 */
export function ChatPanel({ session, onClose }: { session: ReturnType<typeof useChatSession>; onClose: () => void }) {
  const t = useT();
  const { projectId } = useWorkbench();
  const models = useModels(projectId);
  const askable = (models.data ?? []).filter(isAskable);
  const [modelId, setModelId] = useState("");
  const [text, setText] = useState("");
  const list = useRef<HTMLOListElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const model = askable.find((m) => m.id === modelId) ?? askable[0];
  const { turns, streaming, send, stop, clear } = session;
  const lastLength = turns.at(-1)?.content.length ?? 0;

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: "end" });
  }, [turns.length, lastLength]);
  useEffect(() => input.current?.focus(), []);

  const submit = () => {
    const message = text.trim();
    if (!message || !model || streaming) return;
    setText("");
    void send(model.id, message);
  };

  return (
    <aside aria-label={t("chat.title")} data-testid="chat-panel"
      onKeyDown={(event) => { if (event.key === "Escape" && !event.defaultPrevented) { event.preventDefault(); onClose(); } }}
      className="fixed top-9 right-0 bottom-[22px] z-40 flex w-[min(28rem,100vw)] flex-col border-l border-line-strong bg-elevated shadow-2xl shadow-shadow">
      <header className="flex items-center gap-2 border-b border-line px-3 py-2">
        <h2 className="text-[13px] font-semibold text-strong">{t("chat.title")}</h2>
        <select aria-label={t("chat.model")} value={model?.id ?? ""} onChange={(event) => setModelId(event.target.value)} disabled={askable.length === 0}
          className={cx(CONTROL_CLASS, "h-7 min-w-0 flex-1")} data-testid="chat-model">
          {askable.length === 0 ? <option value="">—</option> : null}
          {askable.map((m) => <option key={m.id} value={m.id}>{m.name} · {backendLabel(m.backend, t)}</option>)}
        </select>
        <IconButton icon="trash" label={t("chat.clear")} onClick={clear} disabled={turns.length === 0} />
        <IconButton icon="close" label={t("common.close")} onClick={onClose} />
      </header>
      <div className="min-h-0 flex-1 overflow-auto px-3 py-2">
        {models.isPending ? (
          <p role="status" className="flex items-center gap-2 text-xs text-muted"><Spinner /> {t("models.loading")}</p>
        ) : models.isError ? (
          <ErrorMessage error={models.error} onRetry={() => void models.refetch()} />
        ) : askable.length === 0 ? (
          <p className="text-xs text-muted">
            {t("chat.noModels")} <Link href={evaluationHref(projectId, { tab: "models" })} className="text-link hover:underline" onClick={onClose}>{t("chat.openModels")}</Link>
          </p>
        ) : turns.length === 0 ? (
          <p className="text-xs text-muted">{t("chat.empty")}</p>
        ) : null}
        <ol ref={list} role="log" aria-live="polite" aria-label={t("chat.conversation")} className="flex flex-col gap-3" data-testid="chat-log">
          {turns.map((turn) => <Turn key={turn.id} turn={turn} model={model?.name ?? t("chat.model")} />)}
        </ol>
      </div>
      <form className="flex flex-col gap-1.5 border-t border-line px-3 py-2" onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <textarea
          ref={input}
          aria-label={t("chat.message")}
          placeholder={t("chat.placeholder")}
          value={text}
          maxLength={CHAT_LIMITS.maxMessageChars}
          rows={3}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Enter sends; Shift+Enter is a new line; a key that ends an IME composition is not a send.
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
          className={cx(CONTROL_CLASS, "resize-none")}
          data-testid="chat-input"
        />
        <div className="flex items-center justify-between gap-2">
          <span className="text-[11px] text-muted">{t("chat.keys")}</span>
          {streaming ? (
            <Button size="sm" variant="danger" icon="stop" onClick={stop} data-testid="chat-stop">{t("chat.stop")}</Button>
          ) : (
            <Button size="sm" type="submit" variant="primary" icon="play" disabled={!text.trim() || !model} data-testid="chat-send">{t("chat.send")}</Button>
          )}
        </div>
      </form>
    </aside>
  );
}
