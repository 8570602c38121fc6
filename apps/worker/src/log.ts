import { createLogger } from "@proda/core/server";

export const log = createLogger("worker");
