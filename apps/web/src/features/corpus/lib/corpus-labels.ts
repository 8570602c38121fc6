// Known drop reasons and failure codes → catalogue keys; anything else is shown as its code.
import type { TTranslate } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/translate";
import type { TDocumentStatus } from "@/lib/api-types";

export const DROP_REASONS = [
  "too_short", "navigation", "boilerplate", "symbol_density", "latex_density", "wrong_language",
  "duplicate_lines", "repeated_ngrams", "low_information", "exact_duplicate", "near_duplicate", "low_quality",
] as const;

export const FAILURE_CODES = [
  "empty", "binary_content", "unsupported_type", "corrupt_pdf", "encrypted_pdf", "no_text", "corrupt_docx",
  "invalid_json", "json_field_missing", "corrupt_zip", "zip_limits", "unsafe_entry_name", "encrypted_entry",
  "payload_too_large", "too_many_files", "unknown",
] as const;

export const DOCUMENT_STATUSES: TDocumentStatus[] = ["uploaded", "parsing", "parsed", "failed", "expanded"];

const isIn = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

export function dropReasonLabel(reason: string, t: TTranslate): string {
  return isIn(DROP_REASONS, reason) ? t(`corpus.drop.${reason}` as TMessageKey) : reason;
}

export function failureLabel(code: string, t: TTranslate): string {
  return isIn(FAILURE_CODES, code) ? t(`corpus.failure.${code}` as TMessageKey) : code;
}

export function isKnownFailure(code: string): boolean {
  return isIn(FAILURE_CODES, code);
}
