export { jobCatalog, JOB_KINDS, QUEUE_NAMES, TERMINAL_STATUSES, isJobKind } from "./catalog.ts";
export type { TJobKind, TJobPayload, TQueueName } from "./catalog.ts";
export { createProducerConnection, createWorkerConnection, queuePrefix, redisUrl } from "./redis.ts";
export { getQueue, getFlowProducer, closeProducer, producerConnection } from "./queues.ts";
export { enqueueJob, enqueueFlow, type EnqueueMeta, type FlowStep } from "./enqueue.ts";
export { cancelJob } from "./cancel.ts";
export { queueUnavailable, withQueueDeadline } from "./errors.ts";
export { writeHeartbeat, clearHeartbeat, readHeartbeats, HEARTBEAT_INTERVAL_MS, type WorkerBeat } from "./heartbeat.ts";
export { startCorpusProcessing, batchDocuments } from "./start-corpus-processing.ts";
