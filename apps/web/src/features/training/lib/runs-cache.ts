// One fresh run written into every cache that shows it (its detail and the runs list), so the list,
// the detail and the explorer badge move together whether the news came from SSE, a poll or a mutation.
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { TTrainingRunDto } from "@/lib/api-types";
import { trainingKeys } from "../query-keys";

export type TRunsPage = { runs: TTrainingRunDto[]; nextCursor: string | null };

export function writeRun(queryClient: QueryClient, projectId: string, run: TTrainingRunDto): void {
  queryClient.setQueryData(trainingKeys.run(projectId, run.id), run);
  queryClient.setQueryData<InfiniteData<TRunsPage, string | null>>(trainingKeys.runs(projectId), (data) => {
    if (!data) return data;
    const known = data.pages.some((p) => p.runs.some((r) => r.id === run.id));
    const pages = data.pages.map((page, index) => ({
      ...page,
      runs: known ? page.runs.map((r) => (r.id === run.id ? run : r)) : index === 0 ? [run, ...page.runs] : page.runs,
    }));
    return { ...data, pages };
  });
}
