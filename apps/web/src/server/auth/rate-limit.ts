// Sign-in attempts per email and per client address in a sliding window. Kept in the web process's
// memory: enough for one web instance; a scaled deployment puts a shared limiter in front.
const WINDOW_MS = 15 * 60 * 1000;
const attempts = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
  const list = (attempts.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  attempts.set(key, list);
  return list;
}

/** Returns the seconds to wait when any key is over the limit, else null (and records the attempt). */
export function checkSignInRate(keys: string[], max: number, now = Date.now()): number | null {
  for (const key of keys) {
    const list = recent(key, now);
    if (list.length >= max) return Math.ceil((WINDOW_MS - (now - list[0]!)) / 1000);
  }
  for (const key of keys) attempts.get(key)!.push(now);
  return null;
}

export function clearSignInRate(keys: string[]): void {
  for (const key of keys) attempts.delete(key);
}
