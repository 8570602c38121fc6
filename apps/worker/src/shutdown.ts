// One ordered, idempotent shutdown: stop taking work → let active jobs finish (bounded) → close
// connections. A failing step is logged and does not skip the rest.
import { errorFields } from "@proda/core/server";
import { log } from "./log.ts";

type Step = [name: string, run: () => Promise<unknown> | unknown];

export function createShutdown(steps: Step[]) {
  let running: Promise<void> | undefined;
  return function shutdown(reason: string): Promise<void> {
    running ??= (async () => {
      log.info({ reason }, "worker shutting down");
      for (const [name, run] of steps) {
        try {
          await run();
        } catch (error) {
          log.error({ step: name, ...errorFields(error) }, "shutdown step failed");
        }
      }
      log.info({}, "worker stopped");
    })();
    return running;
  };
}
