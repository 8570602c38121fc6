// POST /api/v1/projects/:projectId/models/:modelId/chat — streams the model's reply to { messages, temperature?, maxTokens? }
// as text/event-stream: `data: {"text"}` pieces, then `event: done` (or `event: error` with a message).
// Endpoint models stream through their provider; the builtin student answers from its memory, labelled as such.
import { getPrisma } from "@proda/db";
import { chatWithModel, ZChatRequest } from "@/server/models/chat-model";
import { findModel } from "@/server/models/model-dto";
import { route } from "@/server/route";

export const POST = route("POST /projects/[projectId]/models/[modelId]/chat", { input: ZChatRequest }, async ({ projectId, params, input, req }) => {
  const model = await findModel(getPrisma(), projectId, params.modelId);
  return chatWithModel(model, input, req);
});
