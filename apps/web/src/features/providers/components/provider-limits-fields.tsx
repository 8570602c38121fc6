"use client";

import { TextField } from "@/components/ui/field";
import { useT } from "@/i18n/i18n-provider";
import type { TProviderDto } from "@/lib/api-types";

export const LIMIT_FIELDS = ["requestsPerMinute", "tokensPerMinute", "inputUsdPerMTok", "outputUsdPerMTok", "timeoutSeconds"] as const;
export type TLimitField = (typeof LIMIT_FIELDS)[number];
export type TLimitValues = Record<TLimitField, string>;

export const limitValuesOf = (provider: TProviderDto | null): TLimitValues =>
  Object.fromEntries(LIMIT_FIELDS.map((f) => [f, provider?.[f] == null ? "" : String(provider[f])])) as TLimitValues;

/** Empty means "no limit / unknown price / default timeout" (null); otherwise a non-negative number. */
export function parseLimitValues(values: TLimitValues): { parsed: Record<TLimitField, number | null>; invalid: TLimitField[] } {
  const parsed = {} as Record<TLimitField, number | null>;
  const invalid: TLimitField[] = [];
  for (const field of LIMIT_FIELDS) {
    const text = values[field].trim();
    const value = text === "" ? null : Number(text);
    if (value !== null && (!Number.isFinite(value) || value < 0)) invalid.push(field);
    parsed[field] = value;
  }
  return { parsed, invalid };
}

/**
 * Rate limits (shared by every worker), prices (for cost accounting and the dry-run estimate) and
 * the request timeout of an OpenAI-compatible provider.
 */
export function ProviderLimitsFields({ values, invalid, onChange }: { values: TLimitValues; invalid: TLimitField[]; onChange: (values: TLimitValues) => void }) {
  const t = useT();
  return (
    <details className="rounded-md border border-line px-3 py-2" open={LIMIT_FIELDS.some((f) => values[f] !== "")}>
      <summary className="cursor-pointer text-xs font-medium text-strong">{t("providers.limitsTitle")}</summary>
      <p className="mt-1 text-xs text-muted">{t("providers.limitsHint")}</p>
      <div className="mt-3 grid grid-cols-2 gap-3">
        {LIMIT_FIELDS.map((field) => (
          <TextField
            key={field}
            label={t(`providers.limit.${field}`)}
            inputMode="decimal"
            value={values[field]}
            error={invalid.includes(field) ? t("providers.limitInvalid") : null}
            onChange={(e) => onChange({ ...values, [field]: e.target.value })}
          />
        ))}
      </div>
    </details>
  );
}
