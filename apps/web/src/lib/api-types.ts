// Shapes of the /api/v1 responses, shared by route handlers and the browser. Dates are ISO strings.
import type { TRole } from "@proda/core";

export interface TUserDto {
  id: string;
  email: string;
  name: string;
}

export interface TProjectDto {
  id: string;
  name: string;
  description: string;
  role: TRole;
  createdAt: string;
  updatedAt: string;
}

export interface TProjectStatsDto {
  members: number;
  jobs: number;
  auditEvents: number;
  providers: number;
  computedAt: string;
}

export interface TMemberDto {
  userId: string;
  email: string;
  name: string;
  role: TRole;
  createdAt: string;
}

export interface TProviderDto {
  id: string;
  name: string;
  kind: "builtin" | "openai-compatible";
  baseUrl: string | null;
  model: string | null;
  /** "••••abcd" or null when no secret is stored. The secret itself never leaves the server. */
  secretMasked: string | null;
  isDefault: boolean;
  updatedAt: string;
}

export type TJobStatus = "queued" | "running" | "completed" | "failed" | "cancelled";

export interface TJobDto {
  id: string;
  kind: string;
  title: string;
  queue: string;
  projectId: string | null;
  parentId: string | null;
  status: TJobStatus;
  progress: number;
  message: string | null;
  doneCount: number;
  totalCount: number;
  failedCount: number;
  attempts: number;
  error: string | null;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface TAuditEventDto {
  id: string;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
  createdAt: string;
}

export interface TApiTokenDto {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface THealthDto {
  status: "ok" | "degraded";
  database: { ok: boolean; latencyMs?: number; error?: string };
  redis: { ok: boolean; latencyMs?: number; error?: string };
  workers: { ok: boolean; count: number; queues: string[] };
}

export interface TPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type TDocumentStatus = "uploaded" | "parsing" | "parsed" | "failed" | "expanded";

export interface TDocumentDto {
  id: string;
  filename: string;
  path: string;
  discipline: string;
  format: string;
  sizeBytes: number;
  status: TDocumentStatus;
  errorCode: string | null;
  error: string | null;
  title: string | null;
  archiveId: string | null;
  chunkCount: number;
  keptCount: number;
  createdAt: string;
  parsedAt: string | null;
}

export interface TChunkDto {
  id: string;
  index: number;
  start: number;
  end: number;
  tokens: number;
  heading: string | null;
  qualityScore: number;
  keep: boolean;
  dropReason: string | null;
  reasons: { code: string; detail: string; value?: number; threshold?: number }[];
  duplicateOfId: string | null;
  similarity: number | null;
}

export interface TDocumentDetailDto {
  document: TDocumentDto & { metadata: Record<string, unknown> };
  text: string | null;
  chunks: TChunkDto[];
}

export interface TUploadResultDto {
  name: string;
  status: "accepted" | "duplicate" | "rejected";
  documentId?: string;
  error?: { code: string; message: string };
}

export interface TFunnelStage {
  stage: "documents" | "parsed" | "chunks" | "kept";
  count: number;
  /** Share of the previous stage (documents → parsed, chunks → kept); 1 for the first. */
  rate: number;
}

export interface TDisciplineFunnelDto {
  discipline: string;
  stages: TFunnelStage[];
  failedDocuments: { code: string; count: number }[];
  droppedChunks: { reason: string; count: number }[];
  pendingDocuments: number;
}

export interface TFunnelDto {
  total: TDisciplineFunnelDto;
  disciplines: TDisciplineFunnelDto[];
}

export interface TCorpusSettingsDto {
  chunkTokens: number;
  overlapTokens: number;
  dedupThreshold: number;
  quality: Record<string, unknown>;
  maxUploadBytes: number;
}
