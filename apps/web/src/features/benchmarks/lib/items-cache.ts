// Cache surgery for reviews: one item's new fields written into every cached item list of the
// benchmark and into its detail, without refetching the table (it keeps its pages and scroll).
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { patchPages, type TPagesData } from "@/features/knowledge/lib/patch-pages";
import type { TBenchmarkItemDetailDto, TBenchmarkItemDto, TPage, TReviewState } from "@/lib/api-types";
import type { TReviewBody } from "./review-edit";
import { benchmarkKeys } from "../query-keys";

type TItemPages = TPagesData<TPage<TBenchmarkItemDto>>;

const REVIEW_OF: Record<TReviewBody["action"], TReviewState> = { accept: "accepted", reject: "rejected", edit: "edited" };

/** What a review changes on an item, as the table shows it before the server answers. */
export function reviewPatch(body: TReviewBody, item: Pick<TBenchmarkItemDto, "options">): Partial<TBenchmarkItemDto> {
  const patch: Partial<TBenchmarkItemDto> = { review: REVIEW_OF[body.action] };
  if (body.note !== undefined) patch.reviewNote = body.note;
  if (body.question !== undefined) patch.question = body.question;
  if (body.options) {
    const texts = new Map(body.options.map((o) => [o.label, o.text]));
    patch.options = item.options.map((o) => ({ ...o, text: texts.get(o.label) ?? o.text }));
  }
  return patch;
}

export function writeItem(queryClient: QueryClient, projectId: string, benchmarkId: string, itemId: string, patch: Partial<TBenchmarkItemDto>): void {
  queryClient.setQueriesData<TItemPages>({ queryKey: benchmarkKeys.itemLists(projectId, benchmarkId) }, (data) =>
    patchPages<TBenchmarkItemDto, TPage<TBenchmarkItemDto>>(data, (item) => item.id === itemId, (item) => ({ ...item, ...patch })),
  );
  queryClient.setQueryData<TBenchmarkItemDetailDto>(benchmarkKeys.item(projectId, benchmarkId, itemId), (detail) =>
    detail ? { ...detail, item: { ...detail.item, ...patch } } : detail,
  );
}

export type TItemSnapshot = [QueryKey, unknown][];

export async function snapshotItems(queryClient: QueryClient, projectId: string, benchmarkId: string): Promise<TItemSnapshot> {
  const queryKey = benchmarkKeys.data(projectId, benchmarkId);
  await queryClient.cancelQueries({ queryKey });
  return queryClient.getQueriesData({ queryKey });
}

export function restoreItems(queryClient: QueryClient, snapshot: TItemSnapshot | undefined): void {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
}
