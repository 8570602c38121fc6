// Turns a thrown error into a sentence for the user. Expected API errors keep the server's specific
// message (validation, conflicts); the rest get a translated, generic explanation.
import { ApiError } from "@/lib/api-client";
import type { TTranslate } from "./i18n-provider";

export function describeError(error: unknown, t: TTranslate): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case "unauthenticated":
        return t("errors.unauthenticated");
      case "csrf_failed":
        return t("errors.csrf");
      case "forbidden":
        return t("errors.forbidden");
      case "not_found":
        return t("errors.notFound");
      case "rate_limited":
        return t("errors.rateLimited");
      case "service_unavailable":
        return t("errors.unavailable");
      default:
        if (error.status >= 500) return t("errors.server");
        return error.message || t("errors.unknown");
    }
  }
  if (error instanceof TypeError) return t("errors.network");
  return t("errors.unknown");
}
