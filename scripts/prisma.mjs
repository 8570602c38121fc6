#!/usr/bin/env node
// Runs the Prisma CLI with scripts/prisma-patches.cjs preloaded. Usage: node scripts/prisma.mjs <args>
// After a successful `migrate deploy | reset | dev` it applies prisma/sql/*.sql (triggers and
// functions): Prisma's Wasm migration runner splits a script on every ";", even inside a function
// body, so plpgsql cannot live in a migration file. Those files are idempotent.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set; without it the Prisma CLI tries to download an engine.");
  process.exit(2);
}
const cli = createRequire(path.join(root, "package.json")).resolve("prisma/build/index.js");
const result = spawnSync(
  process.execPath,
  ["-r", path.join(root, "scripts/prisma-patches.cjs"), cli, ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit", env: { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
);
const [command, sub] = process.argv.slice(2);
if (result.status === 0 && command === "migrate" && ["deploy", "reset", "dev"].includes(sub ?? "")) {
  await applySqlFiles(process.env.DATABASE_URL);
}
process.exit(result.status ?? 1);

async function applySqlFiles(connectionString) {
  const dir = path.join(root, "prisma/sql");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".sql")).sort()) {
      // One simple-protocol query per file: PostgreSQL itself parses the dollar-quoted bodies.
      await client.query(readFileSync(path.join(dir, file), "utf8"));
      console.log(`Applied prisma/sql/${file}`);
    }
  } finally {
    await client.end();
  }
}
