"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { csrfToken } from "@/features/corpus/lib/csrf-token";
import { ApiError, CSRF_HEADER } from "@/lib/api-client";
import { frameError, frameText, requestMessages, type TChatTurn } from "../lib/chat-turns";
import { createSseParser } from "../lib/sse-frames";

let sequence = 0;
const nextId = () => `turn-${Date.now().toString(36)}-${sequence++}`;

async function refusal(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  const error = body?.error ?? {};
  return new ApiError(response.status, error.code ?? "error", error.message ?? response.statusText, error.details);
}

/**
 * One chat conversation with the project's models: the turns, and send / stop / clear. The reply
 * streams over SSE in a POST (fetch, read a piece at a time) and is appended to the last turn as it
 * comes. Stop aborts the request; the server stops asking the model when the connection closes.
 */
export function useChatSession(projectId: string) {
  const [turns, setTurns] = useState<TChatTurn[]>([]);
  const controller = useRef<AbortController | null>(null);
  const streaming = turns.at(-1)?.status === "streaming";

  useEffect(() => () => controller.current?.abort(), []);

  const send = useCallback(async (modelId: string, text: string) => {
    if (controller.current) return;
    const user: TChatTurn = { id: nextId(), role: "user", content: text, status: "done" };
    const reply: TChatTurn = { id: nextId(), role: "assistant", content: "", status: "streaming" };
    const history = [...turns, user];
    setTurns([...history, reply]);
    const update = (change: (turn: TChatTurn) => Partial<TChatTurn>) =>
      setTurns((current) => current.map((turn) => (turn.id === reply.id ? { ...turn, ...change(turn) } : turn)));
    const abort = new AbortController();
    controller.current = abort;
    try {
      const response = await fetch(`/api/v1/projects/${encodeURIComponent(projectId)}/models/${encodeURIComponent(modelId)}/chat`, {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", accept: "text/event-stream", [CSRF_HEADER]: csrfToken() },
        body: JSON.stringify({ messages: requestMessages(history) }),
        signal: abort.signal,
      });
      if (!response.ok || !response.body) throw await refusal(response);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parser = createSseParser();
      let finished = false;
      while (!finished) {
        const { done, value } = await reader.read();
        const frames = done ? parser.end() : parser.push(decoder.decode(value, { stream: true }));
        for (const frame of frames) {
          if (frame.event === "done") finished = true;
          else if (frame.event === "error") {
            finished = true;
            update(() => ({ status: "error", errorMessage: frameError(frame.data) }));
          } else {
            const piece = frameText(frame.data);
            if (piece) update((turn) => ({ content: turn.content + piece }));
          }
        }
        if (done) break;
      }
      await reader.cancel().catch(() => {});
      update((turn) => (turn.status === "streaming" ? { status: "done" } : {}));
    } catch (error) {
      update(() => (abort.signal.aborted ? { status: "stopped" } : { status: "error", error }));
    } finally {
      controller.current = null;
    }
  }, [projectId, turns]);

  const stop = useCallback(() => controller.current?.abort(), []);
  const clear = useCallback(() => {
    controller.current?.abort();
    setTurns([]);
  }, []);

  return { turns, streaming, send, stop, clear };
}
