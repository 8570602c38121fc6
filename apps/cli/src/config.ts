// Where the CLI keeps the server URL and API token: one JSON file in the user's config directory,
// written with mode 0600 (it holds a secret). PRODA_SERVER / PRODA_TOKEN override it per call.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { usageError } from "./errors.ts";

export interface TConfig {
  server?: string;
  token?: string;
}

type Env = Record<string, string | undefined>;

/** PRODA_CONFIG, else $XDG_CONFIG_HOME/proda, %APPDATA%\proda on Windows, ~/.config/proda. */
export function configPath(env: Env = process.env): string {
  if (env.PRODA_CONFIG) return env.PRODA_CONFIG;
  const base = env.XDG_CONFIG_HOME || (process.platform === "win32" && env.APPDATA) || path.join(os.homedir(), ".config");
  return path.join(base, "proda", "config.json");
}

export function readConfig(file = configPath()): TConfig {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as TConfig;
    return { server: typeof parsed.server === "string" ? parsed.server : undefined, token: typeof parsed.token === "string" ? parsed.token : undefined };
  } catch {
    return {};
  }
}

export function writeConfig(config: TConfig, file = configPath()): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // writeFileSync keeps the mode of an existing file: tighten it in case it was created looser.
  chmodSync(file, 0o600);
}

/** "http://host:3000/" → "http://host:3000"; anything but http(s) is a usage error. */
export function normaliseServer(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw usageError(`Not a URL: ${raw} (expected e.g. http://localhost:3000)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw usageError(`Only http(s) servers are supported: ${raw}`);
  return url.toString().replace(/\/+$/, "");
}

/** Flags beat the environment, which beats the config file. */
export function resolveCredentials(flags: { server?: string; token?: string }, env: Env = process.env, file = configPath(env)): TConfig {
  const stored = readConfig(file);
  const server = flags.server ?? env.PRODA_SERVER ?? stored.server;
  return { server: server ? normaliseServer(server) : undefined, token: flags.token ?? env.PRODA_TOKEN ?? stored.token };
}
