// Producer-side queues: one fail-fast connection and one Queue object per queue name per process.
import { FlowProducer, Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { TQueueName } from "./catalog.ts";
import { createProducerConnection, queuePrefix } from "./redis.ts";

interface ProducerState {
  connection: Redis;
  queues: Map<string, Queue>;
  flows?: FlowProducer;
}

const globalForQueues = globalThis as unknown as { prodaProducer?: ProducerState };

function state(): ProducerState {
  globalForQueues.prodaProducer ??= { connection: createProducerConnection(), queues: new Map() };
  return globalForQueues.prodaProducer;
}

export function producerConnection(): Redis {
  return state().connection;
}

export function getQueue(name: TQueueName): Queue {
  const s = state();
  const key = `${queuePrefix()}:${name}`;
  let queue = s.queues.get(key);
  if (!queue) {
    queue = new Queue(name, { connection: s.connection, prefix: queuePrefix() });
    // A Queue re-emits connection errors; without a listener Node would crash the web process.
    queue.on("error", () => {});
    s.queues.set(key, queue);
  }
  return queue;
}

export function getFlowProducer(): FlowProducer {
  const s = state();
  if (!s.flows) {
    s.flows = new FlowProducer({ connection: s.connection, prefix: queuePrefix() });
    s.flows.on("error", () => {});
  }
  return s.flows;
}

export async function closeProducer(): Promise<void> {
  const s = globalForQueues.prodaProducer;
  globalForQueues.prodaProducer = undefined;
  if (!s) return;
  await Promise.allSettled([...s.queues.values(), ...(s.flows ? [s.flows] : [])].map((q) => q.close()));
  s.connection.disconnect();
}
