// PATCH /api/v1/projects/:projectId/knowledge/versions/:versionId/relations/:relationId — an expert corrects a relation's type, predicate or polarity.
import { AppError } from "@proda/core";
import { getPrisma, Prisma } from "@proda/db";
import { auditEdit, findEditableVersion, ZRelationEdit } from "@/server/knowledge/edit-knowledge";
import { loadRelations } from "@/server/knowledge/knowledge-dto";
import { route } from "@/server/route";

export const PATCH = route(
  "PATCH /projects/[projectId]/knowledge/versions/[versionId]/relations/[relationId]",
  { input: ZRelationEdit },
  async ({ projectId, params, user, input }) => {
    const prisma = getPrisma();
    const version = await findEditableVersion(prisma, projectId, params.versionId!);
    const before = await prisma.relation.findFirst({ where: { id: params.relationId, versionId: version.id }, select: { type: true, predicate: true, negated: true } });
    if (!before) throw new AppError("not_found", "Relation not found");
    await prisma.relation.update({ where: { id: params.relationId }, data: input });
    await auditEdit(user!.id, projectId, "relation", params.relationId!, before, input);
    const [relation] = await loadRelations(prisma, version.id, Prisma.sql`r.id = ${params.relationId}`, 1);
    return { relation };
  },
);
