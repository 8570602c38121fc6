// Provider failures the queue can act on: "unavailable" is worth retrying later (the job fails and
// BullMQ retries it), "request" is a configuration problem (bad key, unknown model) that a retry
// cannot fix. Messages from the endpoint pass through redactSecret first: some echo the key.
import { AppError } from "@proda/core";

export class ProviderUnavailableError extends AppError {
  readonly retryable = true;
  constructor(message: string, details: { providerId: string; attempts: number; lastStatus: number | null }) {
    super("service_unavailable", message, details);
    this.name = "ProviderUnavailableError";
  }
}

export class ProviderRequestError extends AppError {
  readonly retryable = false;
  constructor(message: string, details: { providerId: string; status: number | null }) {
    super("bad_request", message, details);
    this.name = "ProviderRequestError";
  }
}

/** Removes every occurrence of the key (and of its long prefixes, as OpenAI's 401 shows "sk-abc***xyz"). */
export function redactSecret(text: string, secret: string | null | undefined): string {
  if (!secret || secret.length < 4) return text;
  let out = text.split(secret).join("[redacted]");
  // A masked echo keeps the first few characters; hide any 8+ character prefix of the key too.
  if (secret.length >= 12) {
    const prefix = secret.slice(0, 8);
    out = out.split(prefix).join("[redacted]");
  }
  return out;
}
