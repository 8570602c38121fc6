// Provider failures the queue can act on: "unavailable" is worth retrying later (the job fails and
// BullMQ retries it), "request" is a configuration problem (bad key, unknown model) that a retry
// cannot fix. Messages from the endpoint pass through redactSecret (secrets.ts) first: some echo the key.
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

/** The prompt (chunk + instructions + room for the answer) does not fit the model: that chunk is rejected, the run goes on. */
export class ContextLengthError extends ProviderRequestError {
  constructor(message: string, details: { providerId: string; status: number | null }) {
    super(message, details);
    this.name = "ContextLengthError";
  }
}
