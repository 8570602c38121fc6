"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * `?graph=` in the Knowledge stage's URL: the overview is open, on that discipline ("*" = all; empty
 * = the default). Opening it is pushed (Back closes it), switching disciplines replaces.
 */
export function useOverviewParam() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const value = search.get("graph");
  const set = useCallback(
    (next: string | null, mode: "push" | "replace" = "replace") => {
      const params = new URLSearchParams(search.toString());
      if (next === null) params.delete("graph");
      else params.set("graph", next);
      const query = params.toString();
      router[mode](query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [search, router, pathname],
  );
  return { open: value !== null, discipline: value || null, set };
}
