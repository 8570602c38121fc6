// GET /api/v1/auth/me — the signed-in user.
import { toUserDto } from "@/server/dto";
import { route } from "@/server/route";

export const GET = route("GET /auth/me", {}, async ({ user }) => ({ user: toUserDto(user!) }));
