// GET /api/v1/tokens — the user's active API tokens (never their secrets).
// POST /api/v1/tokens — creates a token; its secret is in this response only.
import { getPrisma } from "@proda/db";
import { z } from "zod";
import { newApiToken } from "@/server/auth/api-token";
import { audit } from "@proda/pipeline";
import { toApiTokenDto } from "@/server/dto";
import { json } from "@/server/http";
import { route } from "@/server/route";

export const GET = route("GET /tokens", {}, async ({ user }) => {
  const tokens = await getPrisma().apiToken.findMany({ where: { userId: user!.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
  return { tokens: tokens.map(toApiTokenDto) };
});

const ZCreateToken = z.object({
  name: z.string().trim().min(1).max(80),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const POST = route("POST /tokens", { input: ZCreateToken }, async ({ user, input }) => {
  const { secret, prefix, tokenHash } = newApiToken();
  const token = await getPrisma().apiToken.create({
    data: {
      userId: user!.id, name: input.name, prefix, tokenHash,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    },
  });
  await audit({ actorId: user!.id, action: "token.create", targetType: "api_token", targetId: token.id });
  return json({ token: toApiTokenDto(token), secret }, 201);
});
