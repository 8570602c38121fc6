"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export type TParamChanges = Record<string, string | null | undefined>;

/**
 * A stage's state in the URL (the Tester's `?b=&tab=&item=`, the Builder's `?d=&tab=&sample=&against=`):
 * `get` reads a parameter, `navigate` changes some. Opening something is pushed (Back closes it);
 * tabs and filters replace.
 */
export function useStageParams() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();

  const navigate = useCallback(
    (changes: TParamChanges, mode: "push" | "replace" = "replace") => {
      const params = new URLSearchParams(search.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined) params.delete(key);
        else params.set(key, value);
      }
      const query = params.toString();
      router[mode](query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [search, router, pathname],
  );

  const get = useCallback((key: string) => search.get(key), [search]);

  /** `?tab=` if it is one of `tabs`, else null. */
  const tab = useCallback(<T extends string>(tabs: readonly T[]) => {
    const value = search.get("tab");
    return (tabs as readonly string[]).includes(value ?? "") ? (value as T) : null;
  }, [search]);

  return { get, tab, navigate };
}
