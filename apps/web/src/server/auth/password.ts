// Password hashing with bcrypt (bcryptjs: maintained, pure JS, no native build).
import bcrypt from "bcryptjs";

const COST = 12;
let dummyHash: Promise<string> | undefined;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

/** Compares against a throw-away hash when the user does not exist, so timing does not reveal emails. */
export async function verifyPassword(plain: string, hash: string | null | undefined): Promise<boolean> {
  dummyHash ??= bcrypt.hash("not-a-user", COST);
  const ok = await bcrypt.compare(plain, hash ?? (await dummyHash));
  return ok && !!hash;
}
