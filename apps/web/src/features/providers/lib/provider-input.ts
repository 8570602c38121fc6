import type { TProviderDto } from "@/lib/api-types";

export type TProviderKind = TProviderDto["kind"];

/** Body of POST/PATCH …/providers. `secret`: omitted keeps the stored key, "" clears it. */
export interface TProviderInput {
  name?: string;
  kind?: TProviderKind;
  baseUrl?: string | null;
  model?: string | null;
  secret?: string;
  isDefault?: boolean;
  requestsPerMinute?: number | null;
  tokensPerMinute?: number | null;
  inputUsdPerMTok?: number | null;
  outputUsdPerMTok?: number | null;
  timeoutSeconds?: number | null;
}
