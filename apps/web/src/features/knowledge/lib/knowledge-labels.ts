// Relation types, version statuses and reject reasons → catalogue strings; unknown values as written.
import type { TTranslate } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/translate";
import type { TKnowledgeVersionStatus, TProviderDto } from "@/lib/api-types";
import { isRelationType } from "./relation-types";

export function relationTypeLabel(type: string, t: TTranslate): string {
  return isRelationType(type) ? t(`knowledge.relationType.${type}` as TMessageKey) : type;
}

export function versionStatusLabel(status: TKnowledgeVersionStatus, t: TTranslate): string {
  return t(`knowledge.status.${status}` as TMessageKey);
}

const REJECT_REASONS = ["empty_response", "invalid_json", "invalid", "unknown"] as const;

/** Why an LLM answer for a chunk was rejected: "invalid_json", "schema: …", "truncated: …". */
export function rejectReasonLabel(reason: string, t: TTranslate): string {
  const truncated = reason.startsWith("truncated: ");
  const rest = truncated ? reason.slice("truncated: ".length) : reason;
  const base = rest.startsWith("schema:")
    ? t("knowledge.reject.schema")
    : (REJECT_REASONS as readonly string[]).includes(rest)
      ? t(`knowledge.reject.${rest}` as TMessageKey)
      : rest;
  return truncated ? t("knowledge.reject.truncated", { reason: base }) : base;
}

/** The builtin provider is named plainly; others by their name and model. */
export function providerLabel(provider: Pick<TProviderDto, "kind" | "name" | "model">, t: TTranslate): string {
  if (provider.kind === "builtin") return t("knowledge.run.builtinProvider");
  return provider.model ? `${provider.name} · ${provider.model}` : provider.name;
}
