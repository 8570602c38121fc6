import { createLogger } from "@proda/core/server";

export const log = createLogger("worker");

/**
 * Logs an error the first time it is seen, then at most once per `intervalMs` with how many times
 * it repeated meanwhile: while Redis is down the connection reports the same failure twice a second.
 */
export function createRepeatLimitedErrorLog(intervalMs = 30_000, now = () => Date.now(), write = log.error) {
  const lastLogged = new Map<string, { at: number; repeats: number }>();
  return (fields: Record<string, unknown>, message: string, key: string) => {
    const seen = lastLogged.get(key);
    if (seen && now() - seen.at < intervalMs) {
      seen.repeats += 1;
      return;
    }
    write(seen?.repeats ? { ...fields, repeatsSinceLast: seen.repeats } : fields, message);
    lastLogged.set(key, { at: now(), repeats: 0 });
  };
}
