"use client";

import { Badge, type TTone } from "@/components/ui/badge";
import { useT } from "@/i18n/i18n-provider";
import type { TReviewState } from "@/lib/api-types";
import { reviewLabel } from "../lib/labels";

const REVIEW_TONE: Record<TReviewState, TTone> = { pending: "neutral", accepted: "success", edited: "info", rejected: "danger" };

export function ReviewBadge({ review }: { review: TReviewState }) {
  const t = useT();
  return <Badge tone={REVIEW_TONE[review] ?? "neutral"}><span data-review={review}>{reviewLabel(review, t)}</span></Badge>;
}
