import { JOB_KINDS, jobCatalog } from "@proda/jobs";
import { describe, expect, it } from "vitest";
import { parseWorkerEnv } from "../src/env.ts";
import { processors } from "../src/registry.ts";

describe("worker registry", () => {
  it("has a processor for every job kind in the catalog, and nothing else", () => {
    expect(Object.keys(processors).sort()).toEqual([...JOB_KINDS].sort());
  });

  it("puts every job kind on a known queue", () => {
    for (const kind of JOB_KINDS) expect(["cpu", "gpu"]).toContain(jobCatalog[kind].queue);
  });
});

describe("worker environment", () => {
  it("defaults to the CPU queue and parses a queue list", () => {
    expect(parseWorkerEnv({ DATABASE_URL: "postgres://x" }).WORKER_QUEUES).toEqual(["cpu"]);
    expect(parseWorkerEnv({ DATABASE_URL: "postgres://x", WORKER_QUEUES: "gpu, cpu" }).WORKER_QUEUES).toEqual(["gpu", "cpu"]);
  });

  it("rejects an unknown queue and a missing database URL", () => {
    expect(() => parseWorkerEnv({ DATABASE_URL: "postgres://x", WORKER_QUEUES: "tpu" })).toThrow();
    expect(() => parseWorkerEnv({})).toThrow(/DATABASE_URL/);
  });
});
