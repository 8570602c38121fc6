// The CSRF token api() sends, for requests api() cannot make (multipart uploads with progress).
import { CSRF_COOKIE } from "@/lib/api-client";

export function csrfToken(): string {
  if (typeof document === "undefined") return "";
  const match = document.cookie.split("; ").find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : "";
}
