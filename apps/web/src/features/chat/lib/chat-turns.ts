// A chat conversation as the panel holds it, and the part of it sent with each message: the server
// takes at most 50 messages, 16 000 characters each and 48 000 in all, ending with the user's. The
// oldest turns are left out first. Pure; covered by test/evaluation-ui-lib.test.ts.

export interface TChatTurn {
  id: string;
  role: "user" | "assistant";
  content: string;
  status: "done" | "streaming" | "stopped" | "error";
  /** The reply broke off with this message from the server (`event: error`). */
  errorMessage?: string;
  /** The request was refused or the network failed (shown through describeError). */
  error?: unknown;
}

export const CHAT_LIMITS = { maxMessages: 50, maxMessageChars: 16_000, maxTotalChars: 48_000 };

export function requestMessages(turns: readonly TChatTurn[], limits = CHAT_LIMITS): { role: "user" | "assistant"; content: string }[] {
  const usable = turns
    .filter((turn) => turn.content.trim() !== "")
    .map((turn) => ({ role: turn.role, content: turn.content.slice(0, limits.maxMessageChars) }));
  // Only what came before the last user message, and that message.
  const lastUser = usable.map((m) => m.role).lastIndexOf("user");
  if (lastUser < 0) return [];
  const picked: { role: "user" | "assistant"; content: string }[] = [];
  let total = 0;
  for (let i = lastUser; i >= 0 && picked.length < limits.maxMessages; i--) {
    const message = usable[i]!;
    if (total + message.content.length > limits.maxTotalChars) break;
    total += message.content.length;
    picked.unshift(message);
  }
  return picked;
}

/** The text a `data:` frame of the chat route carries ({"text": …}); null for anything else. */
export function frameText(data: string): string | null {
  try {
    const parsed = JSON.parse(data) as { text?: unknown };
    return typeof parsed.text === "string" ? parsed.text : null;
  } catch {
    return null;
  }
}

/** The message of an `event: error` frame ({"message": …}), or the raw data. */
export function frameError(data: string): string {
  try {
    const parsed = JSON.parse(data) as { message?: unknown };
    return typeof parsed.message === "string" ? parsed.message : data;
  } catch {
    return data;
  }
}
