// Every API route and who may call it: the single table the route wrapper reads and the
// route-permission test checks, keyed "METHOD /path" as under /api/v1 (file-system path syntax).
import type { TPermission } from "./permissions.ts";

export type TRouteAccess =
  | { kind: "public" }
  /** Any signed-in user; acts only on the user's own things. */
  | { kind: "user" }
  /** The project comes from the :projectId path parameter. */
  | { kind: "project"; permission: TPermission }
  /** The project is the one owning the job in :jobId. */
  | { kind: "job"; permission: TPermission };

const pub = { kind: "public" } as const;
const user = { kind: "user" } as const;
const project = (permission: TPermission) => ({ kind: "project", permission }) as const;
const job = (permission: TPermission) => ({ kind: "job", permission }) as const;

export const ROUTE_ACCESS = {
  "GET /health": pub,
  "POST /auth/sign-in": pub,
  "POST /auth/sign-out": user,
  "GET /auth/me": user,
  "GET /tokens": user,
  "POST /tokens": user,
  "DELETE /tokens/[tokenId]": user,
  "GET /projects": user,
  "POST /projects": user,
  "GET /projects/[projectId]": project("project.read"),
  "PATCH /projects/[projectId]": project("project.update"),
  "DELETE /projects/[projectId]": project("project.delete"),
  "GET /projects/[projectId]/members": project("members.read"),
  "POST /projects/[projectId]/members": project("members.manage"),
  "PATCH /projects/[projectId]/members/[userId]": project("members.manage"),
  "DELETE /projects/[projectId]/members/[userId]": project("members.manage"),
  "GET /projects/[projectId]/providers": project("providers.read"),
  "POST /projects/[projectId]/providers": project("providers.manage"),
  "PATCH /projects/[projectId]/providers/[providerId]": project("providers.manage"),
  "DELETE /projects/[projectId]/providers/[providerId]": project("providers.manage"),
  "GET /projects/[projectId]/jobs": project("jobs.read"),
  "POST /projects/[projectId]/stats/recompute": project("jobs.run"),
  "GET /projects/[projectId]/audit": project("audit.read"),
  "GET /projects/[projectId]/corpus/documents": project("corpus.read"),
  "POST /projects/[projectId]/corpus/documents": project("corpus.upload"),
  "GET /projects/[projectId]/corpus/documents/[documentId]": project("corpus.read"),
  "DELETE /projects/[projectId]/corpus/documents/[documentId]": project("corpus.manage"),
  "POST /projects/[projectId]/corpus/process": project("corpus.upload"),
  "GET /projects/[projectId]/corpus/funnel": project("corpus.read"),
  "GET /projects/[projectId]/corpus/settings": project("corpus.read"),
  "PUT /projects/[projectId]/corpus/settings": project("corpus.manage"),
  "POST /projects/[projectId]/knowledge/estimate": project("knowledge.run"),
  "GET /projects/[projectId]/knowledge/versions": project("knowledge.read"),
  "POST /projects/[projectId]/knowledge/versions": project("knowledge.run"),
  "GET /projects/[projectId]/knowledge/versions/[versionId]": project("knowledge.read"),
  "GET /projects/[projectId]/knowledge/versions/[versionId]/concepts": project("knowledge.read"),
  "GET /projects/[projectId]/knowledge/versions/[versionId]/concepts/[conceptId]": project("knowledge.read"),
  "GET /projects/[projectId]/knowledge/versions/[versionId]/concepts/[conceptId]/neighbourhood": project("knowledge.read"),
  "PATCH /projects/[projectId]/knowledge/versions/[versionId]/concepts/[conceptId]": project("knowledge.edit"),
  "GET /projects/[projectId]/knowledge/versions/[versionId]/relations": project("knowledge.read"),
  "PATCH /projects/[projectId]/knowledge/versions/[versionId]/relations/[relationId]": project("knowledge.edit"),
  "PATCH /projects/[projectId]/knowledge/versions/[versionId]/chains/[chainId]": project("knowledge.edit"),
  "GET /projects/[projectId]/knowledge/versions/[versionId]/chains": project("knowledge.read"),
  "GET /projects/[projectId]/knowledge/versions/[versionId]/chains/[chainId]": project("knowledge.read"),
  "GET /projects/[projectId]/knowledge/versions/[versionId]/export": project("knowledge.read"),
  "GET /projects/[projectId]/benchmarks": project("benchmark.read"),
  "POST /projects/[projectId]/benchmarks": project("benchmark.run"),
  "GET /projects/[projectId]/benchmarks/[benchmarkId]": project("benchmark.read"),
  "DELETE /projects/[projectId]/benchmarks/[benchmarkId]": project("benchmark.manage"),
  "POST /projects/[projectId]/benchmarks/[benchmarkId]/freeze": project("benchmark.manage"),
  "GET /projects/[projectId]/benchmarks/[benchmarkId]/items": project("benchmark.read"),
  "GET /projects/[projectId]/benchmarks/[benchmarkId]/items/[itemId]": project("benchmark.read"),
  "PATCH /projects/[projectId]/benchmarks/[benchmarkId]/items/[itemId]": project("benchmark.review"),
  "GET /projects/[projectId]/benchmarks/[benchmarkId]/export": project("benchmark.read"),
  "GET /projects/[projectId]/datasets": project("dataset.read"),
  "POST /projects/[projectId]/datasets": project("dataset.run"),
  "GET /projects/[projectId]/datasets/[datasetId]": project("dataset.read"),
  "DELETE /projects/[projectId]/datasets/[datasetId]": project("dataset.manage"),
  "GET /projects/[projectId]/datasets/[datasetId]/samples": project("dataset.read"),
  "GET /projects/[projectId]/datasets/[datasetId]/diff": project("dataset.read"),
  "GET /projects/[projectId]/datasets/[datasetId]/export": project("dataset.read"),
  "GET /projects/[projectId]/datasets/[datasetId]/contamination": project("dataset.read"),
  "POST /projects/[projectId]/datasets/[datasetId]/contamination": project("dataset.run"),
  "POST /projects/[projectId]/datasets/[datasetId]/freeze": project("dataset.manage"),
  "GET /projects/[projectId]/models": project("models.read"),
  "POST /projects/[projectId]/models": project("models.manage"),
  "GET /projects/[projectId]/models/[modelId]": project("models.read"),
  "PATCH /projects/[projectId]/models/[modelId]": project("models.manage"),
  "DELETE /projects/[projectId]/models/[modelId]": project("models.manage"),
  "POST /projects/[projectId]/models/[modelId]/chat": project("models.chat"),
  "GET /projects/[projectId]/training-backends": project("training.read"),
  "GET /projects/[projectId]/training-runs": project("training.read"),
  "POST /projects/[projectId]/training-runs": project("training.run"),
  "GET /projects/[projectId]/training-runs/[runId]": project("training.read"),
  "GET /projects/[projectId]/training-runs/[runId]/logs": project("training.read"),
  "GET /projects/[projectId]/training-runs/[runId]/events": project("training.read"),
  "POST /projects/[projectId]/training-runs/[runId]/cancel": project("training.run"),
  "GET /projects/[projectId]/evaluations": project("evaluation.read"),
  "POST /projects/[projectId]/evaluations": project("evaluation.run"),
  "GET /projects/[projectId]/evaluations/compare": project("evaluation.read"),
  "GET /projects/[projectId]/evaluations/[evaluationId]": project("evaluation.read"),
  "DELETE /projects/[projectId]/evaluations/[evaluationId]": project("evaluation.run"),
  "GET /projects/[projectId]/evaluations/[evaluationId]/results": project("evaluation.read"),
  "GET /projects/[projectId]/evaluations/[evaluationId]/results/[itemId]": project("evaluation.read"),
  "GET /projects/[projectId]/evaluations/[evaluationId]/export": project("evaluation.read"),
  "GET /jobs/[jobId]": job("jobs.read"),
  "POST /jobs/[jobId]/cancel": job("jobs.cancel"),
  "GET /jobs/[jobId]/events": job("jobs.read"),
} as const satisfies Record<string, TRouteAccess>;

export type TRouteKey = keyof typeof ROUTE_ACCESS;
