#!/usr/bin/env -S npx tsx
// Rotates PRODA_SECRET_KEY: every provider key stored in the database is re-encrypted under a new
// secret key in one transaction (packages/providers/src/rotate-secrets.ts), then the key file is
// swapped. Stop or restart the web app and the workers afterwards: they hold the old key in memory.
//
//   npm run secrets:rotate                         # .proda/secret.key → a fresh random key
//   npm run secrets:rotate -- --key-file FILE      # another key file
//   npm run secrets:rotate -- --new-key-file FILE  # use this key instead of a random one
//
// The current key is PRODA_SECRET_KEY when it is set and differs from the key file's, else the key
// file's. The new key is staged in "<key file>.next" (mode 0600) before the database is touched, so
// an interruption at any point loses nothing: a later run finds the staged key and finishes (rows
// already under it are skipped). When the current key came from the environment (a deployment),
// the key file is not touched: set PRODA_SECRET_KEY from the staged file and restart.
// Keys are never printed.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseSecretKey } from "@proda/core/server";
import { getPrisma } from "@proda/db";
import { rotateProviderSecrets } from "@proda/providers";

const ROOT = path.resolve(import.meta.dirname, "..");

function readKeyFile(file: string): string {
  return readFileSync(file, "utf8").trim();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "key-file": { type: "string" }, "new-key-file": { type: "string" } } });
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set (for a local studio: eval "$(node scripts/services.mjs)")');
  const keyFile = path.resolve(values["key-file"] ?? path.join(ROOT, ".proda/secret.key"));
  const staged = `${keyFile}.next`;

  const fileKey = existsSync(keyFile) ? readKeyFile(keyFile) : undefined;
  const envKey = process.env.PRODA_SECRET_KEY?.trim() || undefined;
  const fromEnvironment = envKey !== undefined && envKey !== fileKey;
  const current = fromEnvironment ? envKey : fileKey;
  if (!current) throw new Error(`No current key: PRODA_SECRET_KEY is not set and ${keyFile} does not exist`);

  const resuming = existsSync(staged);
  if (!resuming) {
    const next = values["new-key-file"] ? readKeyFile(values["new-key-file"]) : randomBytes(32).toString("base64");
    parseSecretKey(next);
    writeFileSync(staged, `${next}\n`, { mode: 0o600, flag: "wx" });
  } else {
    console.log(`Found ${path.basename(staged)} from an interrupted rotation: finishing it with that key`);
  }

  let result;
  try {
    result = await rotateProviderSecrets(getPrisma(), { from: parseSecretKey(current), to: parseSecretKey(readKeyFile(staged)) });
  } catch (error) {
    // Nothing was committed; a key staged by this run is not needed (one staged earlier may be).
    if (!resuming) rmSync(staged, { force: true });
    throw error;
  } finally {
    await getPrisma().$disconnect();
  }
  console.log(`Re-encrypted ${result.rotated} provider key(s); ${result.alreadyRotated} were already under the new key.`);

  if (fromEnvironment) {
    console.log(`The new key is in ${staged}: set PRODA_SECRET_KEY to its content, restart the web app and workers, then delete the file.`);
  } else {
    renameSync(staged, keyFile);
    console.log(`${keyFile} now holds the new key: restart the web app and workers.`);
  }
}

main().catch((error: unknown) => {
  console.error(`Key rotation failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
