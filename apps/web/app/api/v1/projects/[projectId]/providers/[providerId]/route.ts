// PATCH /api/v1/projects/:projectId/providers/:providerId — changes settings; a given secret replaces the stored one.
// DELETE /api/v1/projects/:projectId/providers/:providerId — removes the provider.
import { AppError } from "@proda/core";
import { getPrisma } from "@proda/db";
import { audit } from "@proda/pipeline";
import { toProviderDto } from "@/server/dto";
import { noContent } from "@/server/http";
import { route } from "@/server/route";
import { saveProvider, ZProviderFields } from "@/server/providers/save-provider";

export const PATCH = route("PATCH /projects/[projectId]/providers/[providerId]", { input: ZProviderFields.partial() },
  async ({ projectId, params, user, input }) => {
    const provider = await saveProvider(getPrisma(), projectId, input, params.providerId);
    await audit({
      actorId: user!.id, projectId, action: "provider.update", targetType: "provider", targetId: provider.id,
      detail: { fields: Object.keys(input).filter((k) => k !== "secret"), secretChanged: input.secret !== undefined },
    });
    return { provider: toProviderDto(provider) };
  },
);

export const DELETE = route("DELETE /projects/[projectId]/providers/[providerId]", {}, async ({ projectId, params, user }) => {
  const { count } = await getPrisma().providerConfig.deleteMany({ where: { id: params.providerId, projectId } });
  if (count === 0) throw new AppError("not_found", "Provider not found");
  await audit({ actorId: user!.id, projectId, action: "provider.delete", targetType: "provider", targetId: params.providerId });
  return noContent();
});
