import type { InfiniteData } from "@tanstack/react-query";
import type { TJobDto, TPage } from "@/lib/api-types";

/** Replaces one job inside the cached pages of a job list (from an SSE update), keeping the rest. */
export function mergeJobIntoPages(
  data: InfiniteData<TPage<TJobDto>> | undefined,
  job: TJobDto,
): InfiniteData<TPage<TJobDto>> | undefined {
  if (!data) return data;
  let changed = false;
  const pages = data.pages.map((page) => ({
    ...page,
    items: page.items.map((item) => {
      if (item.id !== job.id) return item;
      changed = true;
      return job;
    }),
  }));
  return changed ? { ...data, pages } : data;
}
