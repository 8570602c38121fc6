// DELETE /api/v1/tokens/:tokenId — revokes one of the user's API tokens.
import { AppError } from "@proda/core";
import { getPrisma } from "@proda/db";
import { audit } from "@proda/pipeline";
import { noContent } from "@/server/http";
import { route } from "@/server/route";

export const DELETE = route("DELETE /tokens/[tokenId]", {}, async ({ user, params }) => {
  const { count } = await getPrisma().apiToken.updateMany({
    where: { id: params.tokenId, userId: user!.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("not_found", "Token not found");
  await audit({ actorId: user!.id, action: "token.revoke", targetType: "api_token", targetId: params.tokenId });
  return noContent();
});
