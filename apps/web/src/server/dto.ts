// Database rows → the API's response shapes (src/lib/api-types.ts). Secrets never pass through here.
import { maskSecret } from "@proda/core/server";
import type { ApiToken, AuditEvent, Job, Membership, Project, ProjectStats, ProviderConfig, User } from "@proda/db";
import { isJobKind, jobCatalog } from "@proda/jobs";
import type {
  TApiTokenDto, TAuditEventDto, TJobDto, TMemberDto, TProjectDto, TProjectStatsDto, TProviderDto, TUserDto,
} from "@/lib/api-types";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const toUserDto = (u: User): TUserDto => ({ id: u.id, email: u.email, name: u.name });

export const toProjectDto = (p: Project, role: TProjectDto["role"]): TProjectDto => ({
  id: p.id,
  name: p.name,
  description: p.description,
  role,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export const toStatsDto = (s: ProjectStats | null): TProjectStatsDto | null =>
  s && { members: s.members, jobs: s.jobs, auditEvents: s.auditEvents, providers: s.providers, computedAt: s.computedAt.toISOString() };

export const toMemberDto = (m: Membership & { user: User }): TMemberDto => ({
  userId: m.userId,
  email: m.user.email,
  name: m.user.name,
  role: m.role,
  createdAt: m.createdAt.toISOString(),
});

export const toProviderDto = (p: ProviderConfig): TProviderDto => ({
  id: p.id,
  name: p.name,
  kind: p.kind as TProviderDto["kind"],
  baseUrl: p.baseUrl,
  model: p.model,
  secretMasked: maskSecret(p.secretLast4),
  isDefault: p.isDefault,
  requestsPerMinute: p.requestsPerMinute,
  tokensPerMinute: p.tokensPerMinute,
  inputUsdPerMTok: p.inputUsdPerMTok,
  outputUsdPerMTok: p.outputUsdPerMTok,
  timeoutSeconds: p.timeoutSeconds,
  updatedAt: p.updatedAt.toISOString(),
});

export const toJobDto = (j: Job): TJobDto => ({
  id: j.id,
  kind: j.kind,
  title: isJobKind(j.kind) ? jobCatalog[j.kind].title : j.kind,
  queue: j.queue,
  projectId: j.projectId,
  parentId: j.parentId,
  status: j.status,
  progress: j.progress,
  message: j.message,
  doneCount: j.doneCount,
  totalCount: j.totalCount,
  failedCount: j.failedCount,
  attempts: j.attempts,
  error: j.error,
  cancelRequested: j.cancelRequested,
  createdAt: j.createdAt.toISOString(),
  startedAt: iso(j.startedAt),
  finishedAt: iso(j.finishedAt),
});

export const toAuditDto = (e: AuditEvent, actorEmail: string | null): TAuditEventDto => ({
  id: e.id,
  action: e.action,
  actorId: e.actorId,
  actorEmail,
  targetType: e.targetType,
  targetId: e.targetId,
  detail: e.detail,
  createdAt: e.createdAt.toISOString(),
});

export const toApiTokenDto = (t: ApiToken): TApiTokenDto => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: iso(t.lastUsedAt),
  expiresAt: iso(t.expiresAt),
});
