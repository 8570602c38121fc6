// Cache surgery for edits: replace one item in every page of an infinite list (optimistic updates
// and the server's answer), without refetching a 50 000-row table. Pure.

export interface TPagesData<P> {
  pages: P[];
  pageParams: unknown[];
}

/**
 * Applies `update` to the items of `data` (pages of `{ items }`) that `match`; returns the same
 * object when nothing matched, so React Query sees no change.
 */
export function patchPages<T, P extends { items: T[] }>(
  data: TPagesData<P> | undefined,
  match: (item: T) => boolean,
  update: (item: T) => T,
): TPagesData<P> | undefined {
  if (!data) return data;
  let changed = false;
  const pages = data.pages.map((page) => {
    let pageChanged = false;
    const items = page.items.map((item) => {
      if (!match(item)) return item;
      pageChanged = true;
      return update(item);
    });
    if (!pageChanged) return page;
    changed = true;
    return { ...page, items };
  });
  return changed ? { ...data, pages } : data;
}

/** An edit's server answer may come bare or wrapped (`{ concept }`); returns the item either way. */
export function unwrapItem<T>(body: unknown, key: string): T {
  if (body && typeof body === "object" && key in body) return (body as Record<string, T>)[key]!;
  return body as T;
}
