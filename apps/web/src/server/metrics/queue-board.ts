// bull-board (queue operations: inspect, retry, promote, clean, pause) mounted at /admin/queues
// inside the Next app, through its Hono adapter. One board per process, over the producer's queues.
import { createRequire } from "node:module";
import path from "node:path";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { HonoAdapter } from "@bull-board/hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { getQueue, QUEUE_NAMES } from "@proda/jobs";
import { Hono } from "hono";

export const BOARD_BASE_PATH = "/admin/queues";

const store = globalThis as unknown as { prodaQueueBoard?: Hono };

/**
 * bull-board finds its UI files with a require.resolve hidden in eval, which a bundler cannot see;
 * resolving them here from the app's folder (the cwd of `next start`) works bundled or not.
 */
function uiBasePath(): string {
  const uiPackage = ["@bull-board", "ui", "package.json"].join("/"); // not a literal: resolved at run time
  return path.dirname(createRequire(path.join(process.cwd(), "package.json")).resolve(/* turbopackIgnore: true */ uiPackage));
}

export function queueBoard(): Hono {
  if (store.prodaQueueBoard) return store.prodaQueueBoard;
  const serverAdapter = new HonoAdapter(serveStatic).setBasePath(BOARD_BASE_PATH);
  createBullBoard({
    queues: QUEUE_NAMES.map((name) => new BullMQAdapter(getQueue(name))),
    serverAdapter,
    options: { uiBasePath: uiBasePath(), uiConfig: { boardTitle: "ProDa queues" } },
  });
  const app = new Hono().route(BOARD_BASE_PATH, serverAdapter.registerPlugin());
  store.prodaQueueBoard = app;
  return app;
}
