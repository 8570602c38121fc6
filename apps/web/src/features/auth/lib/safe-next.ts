// Where to go after signing in. Only same-origin paths are accepted, so a crafted
// `/sign-in?next=https://evil.example` link cannot bounce a user off-site.
export const DEFAULT_AFTER_SIGN_IN = "/projects";

export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return DEFAULT_AFTER_SIGN_IN;
  if (/[\u0000-\u001f]/.test(next) || next.startsWith("/sign-in")) return DEFAULT_AFTER_SIGN_IN;
  return next;
}

export function signInHref(next?: string): string {
  const target = safeNext(next);
  return target === DEFAULT_AFTER_SIGN_IN ? "/sign-in" : `/sign-in?next=${encodeURIComponent(target)}`;
}
