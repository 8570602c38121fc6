// GET /api/v1/projects/:projectId/benchmarks — benchmarks, newest first, with item and review counts.
// POST /api/v1/projects/:projectId/benchmarks — starts a Tester run over a ready knowledge version
// ({ knowledgeVersionId, name?, providerId?, settings?, disciplines? }); 409 while another of that version is generating.
import { getPrisma } from "@proda/db";
import { audit, startBenchmark, ZBenchmarkRequest } from "@proda/pipeline";
import { loadBenchmarkDtos } from "@/server/benchmarks/benchmark-dto";
import { json } from "@/server/http";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/benchmarks", {}, async ({ projectId }) => {
  const benchmarks = await getPrisma().benchmark.findMany({ where: { projectId }, orderBy: { number: "desc" }, take: 200 });
  return { benchmarks: await loadBenchmarkDtos(getPrisma(), benchmarks) };
});

export const POST = route("POST /projects/[projectId]/benchmarks", { input: ZBenchmarkRequest }, async ({ projectId, user, input }) => {
  const benchmark = await startBenchmark(getPrisma(), projectId, user!.id, input);
  await audit({
    actorId: user!.id, projectId, action: "benchmark.create", targetType: "benchmark", targetId: benchmark.id,
    detail: { number: benchmark.number, knowledgeVersionId: benchmark.knowledgeVersionId, settings: benchmark.settings as object },
  });
  const [dto] = await loadBenchmarkDtos(getPrisma(), [benchmark]);
  return json({ benchmark: dto }, 202);
});
