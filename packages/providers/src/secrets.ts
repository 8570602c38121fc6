// Keeping a provider key out of everything printable: endpoint messages that echo it, and the
// settings object that has to carry it (JSON.stringify, console.log and util.inspect see a mask).
import { inspect } from "node:util";
import type { TProviderSettings } from "./types.ts";

/** Removes every occurrence of the key (and of its long prefixes, as OpenAI's 401 shows "sk-abc***xyz"). */
export function redactSecret(text: string, secret: string | null | undefined): string {
  if (!secret || secret.length < 4) return text;
  let out = text.split(secret).join("[redacted]");
  // A masked echo keeps the first few characters; hide any 8+ character prefix of the key too.
  if (secret.length >= 12) {
    const prefix = secret.slice(0, 8);
    out = out.split(prefix).join("[redacted]");
  }
  return out;
}

/** Makes the key invisible to JSON.stringify, util.inspect and console.log of the settings object. */
export function protectSettings(input: TProviderSettings): TProviderSettings {
  const settings = Object.isExtensible(input) ? input : { ...input };
  const masked = () => ({ ...settings, apiKey: settings.apiKey ? "[redacted]" : null });
  Object.defineProperty(settings, "toJSON", { value: masked, enumerable: false, configurable: true });
  Object.defineProperty(settings, inspect.custom, { value: () => masked(), enumerable: false, configurable: true });
  return settings;
}
