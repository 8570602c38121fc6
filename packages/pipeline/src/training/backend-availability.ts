// Whether each trainer backend can run now, as the launch form and the start of a run see it:
// openai needs an OpenAI-compatible provider holding a key, the GPU backends a live worker on the
// GPU queue (its heartbeat). The builtin student runs anywhere.
import type { PrismaClient } from "@proda/db";
import { producerConnection, readHeartbeats, withQueueDeadline } from "@proda/jobs";
import { TRAINER_SPECS, type TTrainerBackendName } from "@proda/providers";

/** Live workers consuming the GPU queue; a 503 AppError when Redis cannot be reached. */
export async function gpuWorkersOnline(): Promise<number> {
  const beats = await withQueueDeadline(async () => {
    const redis = producerConnection();
    // The producer connection refuses commands until it is ready (it never queues them): give a
    // fresh one a moment to connect; if it does not, the read below fails and the answer is 503.
    if (redis.status !== "ready") {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          redis.off("ready", done);
          resolve();
        };
        const timer = setTimeout(done, 2000);
        redis.on("ready", done);
      });
    }
    return readHeartbeats(redis);
  });
  return beats.filter((b) => b.queues.includes("gpu")).length;
}

/** Providers that can fine-tune: OpenAI-compatible with a stored key. */
export function fineTuningProviders(prisma: PrismaClient, projectId: string) {
  return prisma.providerConfig.findMany({
    where: { projectId, kind: "openai-compatible", secretEncrypted: { not: null }, baseUrl: { not: null } },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
  });
}

/** Why the backend cannot run now, or null. Throws a 503 when Redis is down (no worker can be reached). */
export async function unavailableReason(prisma: PrismaClient, projectId: string, backend: TTrainerBackendName): Promise<string | null> {
  if (TRAINER_SPECS[backend].queue === "gpu") {
    return (await gpuWorkersOnline()) > 0 ? null : "No GPU worker is online: start a worker with WORKER_QUEUES=gpu on a GPU machine.";
  }
  if (backend === "openai") {
    return (await fineTuningProviders(prisma, projectId)).length > 0 ? null : "Add an OpenAI-compatible provider with an API key to fine-tune through it.";
  }
  return null;
}
