import type { ReactNode } from "react";
import { ApiError } from "@/lib/api-client";
import { EmptyState } from "./empty-state";
import { ErrorMessage } from "./error-message";
import { Spinner } from "./spinner";

interface TDetailQuery<T> {
  data: T | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * A detail panel's body: a spinner while loading, "gone" when the thing was deleted meanwhile (404),
 * else the error with a retry; `children(data)` once the data is there.
 */
export function DetailQuery<T>({ query, loading, goneTitle, goneBody, goneAction, children }: {
  query: TDetailQuery<T>;
  loading: string;
  goneTitle: string;
  goneBody: string;
  goneAction?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {loading}</p>;
  if (query.isError) {
    return query.error instanceof ApiError && query.error.status === 404
      ? <EmptyState icon="alert" title={goneTitle} action={goneAction}>{goneBody}</EmptyState>
      : <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  }
  return query.data === undefined ? null : children(query.data);
}
