// GET /api/v1/projects/:projectId/training-runs/:runId/events — Server-Sent Events: `log` entries after ?after= (or Last-Event-ID) and `run` changes, until the run ends.
import { getPrisma } from "@proda/db";
import { z } from "zod";
import { route } from "@/server/route";
import { streamRunEvents } from "@/server/training/run-events";
import { findRun } from "@/server/training/run-dto";

const ZEventsQuery = z.object({ after: z.coerce.number().int().min(0).optional() });

export const GET = route("GET /projects/[projectId]/training-runs/[runId]/events", { input: ZEventsQuery }, async ({ req, projectId, params, input }) => {
  const prisma = getPrisma();
  const run = await findRun(prisma, projectId, params.runId);
  const lastEventId = Number.parseInt(req.headers.get("last-event-id") ?? "", 10);
  const after = Math.max(input.after ?? 0, Number.isFinite(lastEventId) && lastEventId > 0 ? lastEventId : 0);
  return new Response(streamRunEvents(prisma, run.id, after, req.signal), {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive" },
  });
});
