// Every state-changing action is written to the audit log (never with secrets in `detail`).
import { getPrisma, type Prisma } from "@proda/db";

export interface AuditInput {
  actorId: string | null;
  projectId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  detail?: Prisma.InputJsonValue;
}

export async function audit(entry: AuditInput): Promise<void> {
  await getPrisma().auditEvent.create({
    data: {
      actorId: entry.actorId,
      projectId: entry.projectId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      detail: entry.detail ?? {},
    },
  });
}
