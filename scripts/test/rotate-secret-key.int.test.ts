// `npm run secrets:rotate` on a database of its own: every provider key is re-encrypted under the new
// secret key and still opens to the same plaintext, the old key opens none of them, the key file is
// swapped and nothing printed carries a key; a key the current secret cannot open aborts the whole
// rotation with every row and the key file unchanged; an interrupted rotation is finished by the
// next run with the key it had staged.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decryptSecret, encryptSecret, parseSecretKey } from "@proda/core/server";
import { disconnectPrisma, getPrisma, type PrismaClient } from "@proda/db";
import { rotateProviderSecrets } from "@proda/providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProjectWithRoles } from "../../prisma/factories/projects.ts";
import { createScratchDatabase, type ScratchDatabase } from "../../prisma/factories/scratch-database.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const testDatabaseUrl = process.env.DATABASE_URL!;
const newKey = () => randomBytes(32).toString("base64");
const PLAINTEXTS = ["sk-planted-one-0123456789abcdef", "sk-planted-two-fedcba9876543210", "sk-planted-three-aaaabbbbccccdddd"];

let scratch: ScratchDatabase;
let prisma: PrismaClient;
let dir: string;
let keyFile: string;
let originalKey: string;

function rotate(args: string[] = [], env: Record<string, string> = {}) {
  const { PRODA_SECRET_KEY: _inherited, ...inherited } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/rotate-secret-key.ts", "--key-file", keyFile, ...args], {
    cwd: ROOT,
    env: { ...inherited, DATABASE_URL: scratch.url, ...env },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function storedSecrets() {
  const rows = await prisma.providerConfig.findMany({ where: { secretEncrypted: { not: null } }, orderBy: { id: "asc" } });
  return rows.map((row) => ({ id: row.id, stored: row.secretEncrypted! }));
}

async function plaintextsUnder(key: string) {
  return (await storedSecrets()).map((row) => decryptSecret(row.stored, parseSecretKey(key))).sort();
}

beforeAll(async () => {
  scratch = await createScratchDatabase();
  process.env.DATABASE_URL = scratch.url;
  prisma = getPrisma();
  dir = mkdtempSync(path.join(tmpdir(), "proda-rotate-"));
  keyFile = path.join(dir, "secret.key");
  originalKey = newKey();
  writeFileSync(keyFile, `${originalKey}\n`, { mode: 0o600 });
  // Two projects, three stored keys and one provider without a key.
  const a = await createProjectWithRoles(prisma, ["owner"]);
  const b = await createProjectWithRoles(prisma, ["owner"]);
  const rows = [
    { projectId: a.project.id, name: "first" },
    { projectId: a.project.id, name: "second" },
    { projectId: b.project.id, name: "third" },
  ];
  for (const [i, row] of rows.entries()) {
    await prisma.providerConfig.create({
      data: { ...row, kind: "openai-compatible", model: "m", baseUrl: "http://127.0.0.1:1/v1", secretEncrypted: encryptSecret(PLAINTEXTS[i]!, parseSecretKey(originalKey)), secretLast4: PLAINTEXTS[i]!.slice(-4) },
    });
  }
  await prisma.providerConfig.create({ data: { projectId: b.project.id, name: "keyless", kind: "openai-compatible", model: "m", baseUrl: "http://127.0.0.1:1/v1" } });
}, 60_000);

afterAll(async () => {
  await disconnectPrisma();
  process.env.DATABASE_URL = testDatabaseUrl;
  await scratch?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("secret key rotation", () => {
  it("re-encrypts every stored key under a fresh key, swaps the key file and prints no key", async () => {
    const before = await storedSecrets();
    const run = rotate();
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain("Re-encrypted 3 provider key(s)");

    const rotatedKey = readFileSync(keyFile, "utf8").trim();
    expect(rotatedKey).not.toBe(originalKey);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(existsSync(`${keyFile}.next`)).toBe(false);
    expect(await plaintextsUnder(rotatedKey)).toEqual([...PLAINTEXTS].sort());
    const after = await storedSecrets();
    for (const [i, row] of after.entries()) {
      expect(row.stored).not.toBe(before[i]!.stored);
      expect(() => decryptSecret(row.stored, parseSecretKey(originalKey))).toThrow();
    }
    for (const secret of [originalKey, rotatedKey, ...PLAINTEXTS]) expect(run.output).not.toContain(secret);
  });

  it("takes the current key from PRODA_SECRET_KEY in a deployment and leaves the new one staged", async () => {
    const current = readFileSync(keyFile, "utf8").trim();
    rmSync(keyFile);
    const chosen = newKey();
    const chosenFile = path.join(dir, "chosen.key");
    writeFileSync(chosenFile, chosen, { mode: 0o600 });
    const run = rotate(["--new-key-file", chosenFile], { PRODA_SECRET_KEY: current });
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain("set PRODA_SECRET_KEY");
    expect(existsSync(keyFile)).toBe(false);
    expect(readFileSync(`${keyFile}.next`, "utf8").trim()).toBe(chosen);
    expect(await plaintextsUnder(chosen)).toEqual([...PLAINTEXTS].sort());
    // Back to a key file for the next cases.
    writeFileSync(keyFile, `${chosen}\n`, { mode: 0o600 });
    rmSync(`${keyFile}.next`);
  });

  it("changes nothing when one stored key cannot be opened with the current key", async () => {
    const project = await prisma.project.findFirstOrThrow();
    const stray = await prisma.providerConfig.create({
      data: { projectId: project.id, name: "stray", kind: "openai-compatible", model: "m", baseUrl: "http://127.0.0.1:1/v1", secretEncrypted: encryptSecret("sk-stray-0000", parseSecretKey(newKey())), secretLast4: "0000" },
    });
    const keyBefore = readFileSync(keyFile, "utf8");
    const before = await storedSecrets();

    const run = rotate();
    expect(run.status).toBe(1);
    expect(run.output).toContain('provider "stray"');
    expect(run.output).toContain("nothing was rotated");
    expect(await storedSecrets()).toEqual(before);
    expect(readFileSync(keyFile, "utf8")).toBe(keyBefore);
    expect(existsSync(`${keyFile}.next`)).toBe(false);
    await prisma.providerConfig.delete({ where: { id: stray.id } });
  });

  it("finishes a rotation interrupted after the database commit, with the key it had staged", async () => {
    const current = readFileSync(keyFile, "utf8").trim();
    const staged = newKey();
    writeFileSync(`${keyFile}.next`, `${staged}\n`, { mode: 0o600 });
    // The crash: the rows were committed under the staged key, the key file was never swapped.
    const first = await rotateProviderSecrets(prisma, { from: parseSecretKey(current), to: parseSecretKey(staged) });
    expect(first).toEqual({ rotated: 3, alreadyRotated: 0 });

    const run = rotate();
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain("interrupted rotation");
    expect(run.output).toContain("3 were already under the new key");
    expect(readFileSync(keyFile, "utf8").trim()).toBe(staged);
    expect(await plaintextsUnder(staged)).toEqual([...PLAINTEXTS].sort());
  });

  it("refuses a new key equal to the current one", async () => {
    const current = readFileSync(keyFile, "utf8").trim();
    await expect(rotateProviderSecrets(prisma, { from: parseSecretKey(current), to: parseSecretKey(current) })).rejects.toThrow(/same as the current/);
  });
});
