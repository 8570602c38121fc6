// Every test file gets a queue prefix of its own unless it sets one: no test ever touches the
// queues of a studio running on the same Redis (the default prefix "proda").
import { randomBytes } from "node:crypto";

if (!process.env.PRODA_QUEUE_PREFIX || process.env.PRODA_QUEUE_PREFIX === "proda") {
  process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
}
