// GET /api/v1/jobs/:jobId/events — Server-Sent Events: the job (TJobDto) each time it changes,
// until it reaches a terminal state. Reads the Job row, so it works whichever worker runs the job
// and survives web restarts (the browser's EventSource reconnects by itself).
import { getPrisma } from "@proda/db";
import { TERMINAL_STATUSES } from "@proda/jobs";
import { toJobDto } from "@/server/dto";
import { route } from "@/server/route";

const POLL_MS = 500;
const KEEPALIVE_MS = 15_000;

export const GET = route("GET /jobs/[jobId]/events", {}, async ({ req, params }) => {
  const prisma = getPrisma();
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let lastStamp = "";
      let lastSent = Date.now();
      const close = () => {
        clearTimeout(timer);
        try { controller.close(); } catch { /* already closed */ }
      };
      req.signal.addEventListener("abort", close);

      const tick = async () => {
        if (req.signal.aborted) return;
        try {
          const job = await prisma.job.findUnique({ where: { id: params.jobId } });
          if (!job) return close();
          const stamp = `${job.updatedAt.getTime()}:${job.status}`;
          if (stamp !== lastStamp) {
            lastStamp = stamp;
            lastSent = Date.now();
            controller.enqueue(encoder.encode(`id: ${stamp}\ndata: ${JSON.stringify(toJobDto(job))}\n\n`));
          } else if (Date.now() - lastSent > KEEPALIVE_MS) {
            lastSent = Date.now();
            controller.enqueue(encoder.encode(": keep-alive\n\n"));
          }
          if ((TERMINAL_STATUSES as readonly string[]).includes(job.status)) return close();
        } catch {
          // The database blinked: keep the stream open and try again on the next tick.
        }
        timer = setTimeout(tick, POLL_MS);
      };
      void tick();
    },
    cancel() {
      clearTimeout(timer);
    },
  });

  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive" },
  });
});
