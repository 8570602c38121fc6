// GET /api/v1/projects/:projectId/providers — LLM provider settings, secrets masked.
// POST /api/v1/projects/:projectId/providers — adds a provider (its key is encrypted at rest).
import { getPrisma } from "@proda/db";
import { audit } from "@proda/pipeline";
import { toProviderDto } from "@/server/dto";
import { json } from "@/server/http";
import { route } from "@/server/route";
import { saveProvider, ZProviderFields } from "@/server/providers/save-provider";

export const GET = route("GET /projects/[projectId]/providers", {}, async ({ projectId }) => {
  const providers = await getPrisma().providerConfig.findMany({ where: { projectId }, orderBy: { createdAt: "asc" } });
  return { providers: providers.map(toProviderDto) };
});

export const POST = route("POST /projects/[projectId]/providers", { input: ZProviderFields },
  async ({ projectId, user, input }) => {
    const provider = await saveProvider(getPrisma(), projectId, input);
    await audit({
      actorId: user!.id, projectId, action: "provider.create", targetType: "provider", targetId: provider.id,
      detail: { name: provider.name, kind: provider.kind, secretChanged: input.secret !== undefined },
    });
    return json({ provider: toProviderDto(provider) }, 201);
  },
);
