// Server-Sent Events of one run: a `log` event per log entry (its seq as the event id, so a browser
// that reconnects with Last-Event-ID, or a client passing ?after=, gets only what it missed) and a
// `run` event whenever the run's status, step or latest loss changes, until the run has ended and its
// log is drained. It reads only the database: the run goes on, and the stream can be reopened,
// whatever happens to the browser or to this web process.
import type { PrismaClient } from "@proda/db";
import { checkRunJob, isRunFinished, loadRunDtos, toLogEntryDto } from "./run-dto.ts";

const POLL_MS = 500;
const PAGE = 500;
const KEEPALIVE_MS = 15_000;
/** Ask the queue whether the job still exists every this many ticks (a lost job ends the stream). */
const JOB_CHECK_TICKS = 20;

export function streamRunEvents(prisma: PrismaClient, runId: string, after: number, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let position = after;
      let lastStamp = "";
      let lastSent = Date.now();
      let ticks = 0;
      const send = (text: string) => {
        lastSent = Date.now();
        controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        clearTimeout(timer);
        try {
          controller.close();
        } catch {
          // Already closed.
        }
      };
      signal.addEventListener("abort", close);

      const tick = async () => {
        if (signal.aborted) return;
        let more = false;
        try {
          // The run first, then the log: a run seen finished has all its entries written already.
          const run = await prisma.trainingRun.findUnique({ where: { id: runId } });
          if (!run) return close();
          if (ticks++ % JOB_CHECK_TICKS === 0) await checkRunJob(prisma, run);
          const entries = await prisma.trainingLogEntry.findMany({ where: { runId, seq: { gt: position } }, orderBy: { seq: "asc" }, take: PAGE });
          for (const entry of entries) {
            send(`id: ${entry.seq}\nevent: log\ndata: ${JSON.stringify(toLogEntryDto(entry))}\n\n`);
            position = entry.seq;
          }
          more = entries.length === PAGE;
          const [dto] = await loadRunDtos(prisma, [run]);
          const stamp = JSON.stringify([dto!.status, dto!.step, dto!.totalSteps, dto!.lastLoss, dto!.error, dto!.modelId]);
          if (stamp !== lastStamp) {
            lastStamp = stamp;
            send(`event: run\ndata: ${JSON.stringify(dto)}\n\n`);
          } else if (Date.now() - lastSent > KEEPALIVE_MS) {
            send(": keep-alive\n\n");
          }
          if (isRunFinished(dto!.status) && !more) return close();
        } catch {
          // The database blinked: keep the stream open and try again on the next tick.
        }
        timer = setTimeout(tick, more ? 0 : POLL_MS);
      };
      void tick();
    },
    cancel() {
      clearTimeout(timer);
    },
  });
}
