// Cost of a call from its token counts and the provider's prices (USD per million tokens). An
// unknown price counts as 0, so a self-hosted endpoint (vLLM, Ollama) reports tokens but no cost.
import type { TProviderSettings } from "./types.ts";

type TPrices = Pick<TProviderSettings, "inputUsdPerMTok" | "outputUsdPerMTok">;

export function computeCostUsd(tokens: { promptTokens: number; completionTokens: number }, prices: TPrices): number {
  const usd = (tokens.promptTokens * (prices.inputUsdPerMTok ?? 0) + tokens.completionTokens * (prices.outputUsdPerMTok ?? 0)) / 1_000_000;
  // Rounded to a micro-dollar so sums over thousands of calls stay readable and stable.
  return Math.round(usd * 1e6) / 1e6;
}

export function isPriced(prices: TPrices): boolean {
  return prices.inputUsdPerMTok !== null || prices.outputUsdPerMTok !== null;
}
