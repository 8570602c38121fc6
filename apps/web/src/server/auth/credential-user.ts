// What both credential lookups (API token, session) read beside the credential itself: its user and,
// for a project route, the user's role in that project, in the same statement.
import { Prisma, type Role, type User } from "@proda/db";

export interface TCredentialUserRow {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: Date;
  projectRole: Role | null;
}

/** Columns and joins for a credential table aliased `c` whose `userId` names the user. */
export function userAndRoleOf(projectId: string | undefined) {
  return {
    columns: Prisma.sql`u.id, u.email, u.name, u."passwordHash", u."createdAt", m.role::text AS "projectRole"`,
    joins: Prisma.sql`JOIN "User" u ON u.id = c."userId"
      LEFT JOIN "Membership" m ON m."userId" = c."userId" AND m."projectId" = ${projectId ?? ""}`,
  };
}

export const toUser = (row: TCredentialUserRow): User => ({ id: row.id, email: row.email, name: row.name, passwordHash: row.passwordHash, createdAt: row.createdAt });
