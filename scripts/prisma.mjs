#!/usr/bin/env node
// Runs the Prisma CLI with scripts/prisma-patches.cjs preloaded. Usage: node scripts/prisma.mjs <args>
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
process.exit(result.status ?? 1);
