// Expert edits of a knowledge version's nodes: allowed while the version is ready; each one audited
// with the values before and after.
import { AppError } from "@proda/core";
import type { PrismaClient } from "@proda/db";
import { RELATION_TYPES } from "@proda/engine";
import { z } from "zod";
import { audit } from "@proda/pipeline";
import { findVersion } from "./knowledge-dto.ts";

export const ZConceptEdit = z
  .object({
    term: z.string().trim().min(1).max(300).optional(),
    definition: z.string().trim().max(4000).nullable().optional(),
    type: z.string().trim().min(1).max(60).optional(),
    aliases: z.array(z.string().trim().min(1).max(300)).max(50).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "Nothing to change");

export const ZRelationEdit = z
  .object({ type: z.enum(RELATION_TYPES).optional(), predicate: z.string().trim().min(1).max(200).optional(), negated: z.boolean().optional() })
  .refine((v) => Object.keys(v).length > 0, "Nothing to change");

export const ZChainEdit = z.object({ title: z.string().trim().min(1).max(300) });

export async function findEditableVersion(prisma: PrismaClient, projectId: string, versionId: string) {
  const version = await findVersion(prisma, projectId, versionId);
  if (version.status !== "ready") throw new AppError("conflict", `Version ${version.number} is ${version.status}; only a ready version can be edited.`);
  if (version.frozenAt) {
    throw new AppError("conflict", `Version ${version.number} is frozen: a frozen benchmark or dataset was built from it. Run a new extraction to change the knowledge.`);
  }
  return version;
}

export async function auditEdit(actorId: string, projectId: string, targetType: string, targetId: string, before: object, after: object) {
  await audit({ actorId, projectId, action: `knowledge.edit_${targetType}`, targetType, targetId, detail: { before, after } as object });
}
