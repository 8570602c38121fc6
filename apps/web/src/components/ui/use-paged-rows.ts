"use client";

import type { InfiniteData } from "@tanstack/react-query";
import { useMemo } from "react";

/** The rows of every page loaded so far, as one array that changes only when the pages do. */
export function usePagedRows<T>(data: InfiniteData<{ items: T[] }, unknown> | undefined): T[] {
  return useMemo(() => data?.pages.flatMap((page) => page.items) ?? [], [data]);
}
