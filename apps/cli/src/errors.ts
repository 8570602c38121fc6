// Exit codes are part of the CLI's contract with scripts (documented in `proda --help` and README).
export const EXIT = {
  ok: 0,
  /** The operation ran and failed: a failed or cancelled job, a blocked guard, a 409 refusal. */
  failed: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  /** The server answered 5xx or could not be reached. */
  server: 5,
} as const;
export type TExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    readonly exitCode: TExitCode,
    message: string,
    /** The server's error code (validation_failed, not_found, …) when it gave one. */
    readonly code?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(EXIT.usage, message, "usage");

/** HTTP status → exit code: what a script needs to decide whether retrying makes sense. */
export function exitCodeForStatus(status: number): TExitCode {
  if (status === 401 || status === 403) return EXIT.auth;
  if (status === 404) return EXIT.notFound;
  if (status === 400 || status === 413 || status === 422) return EXIT.usage;
  if (status === 409) return EXIT.failed;
  return EXIT.server;
}
