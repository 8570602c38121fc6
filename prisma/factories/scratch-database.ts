// A throwaway database on the test server, migrated like a real one, for tests that must see every
// row of a table (a key rotation, say) without the rows other test files leave in proda_test.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(baseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(baseUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `baseUrl`: a URL whose role may create databases (the test DATABASE_URL). */
export async function createScratchDatabase(baseUrl = process.env.DATABASE_URL!): Promise<ScratchDatabase> {
  const name = `proda_scratch_${randomBytes(4).toString("hex")}`;
  await admin(baseUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url.toString() },
    stdio: "pipe",
  });
  return {
    url: url.toString(),
    drop: () => admin(baseUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
