// The one Prisma client of a process (web or worker), on the pg driver adapter.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export { Prisma, Role, JobStatus, DocumentStatus } from "./generated/prisma/client.ts";
export type {
  PrismaClient, User, Session, ApiToken, Project, Membership, AuditEvent, Job, ProviderConfig, ProjectStats,
  Document, Chunk, CorpusSettings, KnowledgeVersion, KnowledgeChunkResult, Concept, Relation, Chain, LlmCache,
  Benchmark, BenchmarkItem, BenchmarkNode, DatasetVersion, TrainingSample, ContaminationReport,
  RegisteredModel, TrainingRun, TrainingLogEntry, Evaluation, EvaluationResult,
  DiagnosisRun, Diagnosis, LoopRun, ExternalScore, GraphLayout,
} from "./generated/prisma/client.ts";

const globalForPrisma = globalThis as unknown as { prodaPrisma?: PrismaClient };

function createPrisma(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  // A bounded connect: a database host that drops packets gives a 503 in seconds, not a hung request.
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 5000 });
  return new PrismaClient({ adapter });
}

/** Lazily created so that importing this module never needs a database (build, unit tests). */
export function getPrisma(): PrismaClient {
  globalForPrisma.prodaPrisma ??= createPrisma();
  return globalForPrisma.prodaPrisma;
}

export async function disconnectPrisma(): Promise<void> {
  const client = globalForPrisma.prodaPrisma;
  globalForPrisma.prodaPrisma = undefined;
  await client?.$disconnect();
}
export { createProject } from "./create-project.ts";
export { isDatabaseUnavailable } from "./database-unavailable.ts";

/** A write refused by the immutability triggers (prisma/sql/immutability.sql): the artifact is frozen. */
export function isFrozenViolation(error: unknown): boolean {
  return String((error as { message?: unknown })?.message ?? "").includes("proda_frozen:");
}
