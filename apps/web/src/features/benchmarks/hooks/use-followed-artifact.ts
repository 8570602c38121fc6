"use client";

import { useEffect, useState } from "react";

/**
 * The artifact whose progress card a stage shows: the one building now, else the last one followed
 * (started here, or seen building while the view was open, whoever started it) until dismissed.
 */
export function useFollowedArtifact<T extends { id: string }>(list: readonly T[], isBuilding: (artifact: T) => boolean) {
  const [followedId, follow] = useState<string | null>(null);
  const [dismissedId, dismiss] = useState<string | null>(null);
  const buildingId = list.find(isBuilding)?.id;
  useEffect(() => {
    if (buildingId) follow(buildingId);
  }, [buildingId]);
  const followed = list.find((a) => a.id === (buildingId ?? followedId) && a.id !== dismissedId) ?? null;
  return { followed, follow, dismiss };
}
