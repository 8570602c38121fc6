"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export const KNOWLEDGE_TABS = ["report", "concepts", "relations", "chains", "versions"] as const;
export type TKnowledgeTab = (typeof KNOWLEDGE_TABS)[number];

export type TParamChanges = Partial<Record<"v" | "tab" | "concept" | "chain" | "explore" | "hops", string | null>>;

/**
 * The Knowledge stage's state in the URL: `?v=` the version, `?tab=` the section, `?concept=` the
 * detail panel, `?chain=` the chain view, `?explore=` (+ `?hops=2`) the neighbourhood explorer.
 * Opening a view is pushed (Back closes it); filters and tabs replace.
 */
export function useKnowledgeParams() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const tabParam = search.get("tab");

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

  return {
    versionId: search.get("v"),
    tab: (KNOWLEDGE_TABS as readonly string[]).includes(tabParam ?? "") ? (tabParam as TKnowledgeTab) : null,
    conceptId: search.get("concept"),
    chainId: search.get("chain"),
    exploreId: search.get("explore"),
    hops: (search.get("hops") === "2" ? 2 : 1) as 1 | 2,
    navigate,
  };
}
