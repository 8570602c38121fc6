// Failed sign-in attempts per email and per client address in a sliding window. Kept in the web
// process's memory: enough for one web instance; a scaled deployment puts a shared limiter in front.
const WINDOW_MS = 15 * 60 * 1000;
const failures = new Map<string, number[]>();

export type TLimit = [key: string, max: number];

function recent(key: string, now: number): number[] {
  const list = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  failures.set(key, list);
  return list;
}

/** Seconds to wait when any key has reached its maximum of failures, else null. */
export function signInWaitSeconds(limits: TLimit[], now = Date.now()): number | null {
  for (const [key, max] of limits) {
    const list = recent(key, now);
    if (list.length >= max) return Math.ceil((WINDOW_MS - (now - list[0]!)) / 1000);
  }
  return null;
}

export function recordSignInFailure(limits: TLimit[], now = Date.now()): void {
  for (const [key] of limits) recent(key, now).push(now);
}
