"use client";

import { Badge } from "@/components/ui/badge";
import { useT } from "@/i18n/i18n-provider";
import type { TRunStatus } from "@/lib/api-types";
import { runStatusLabel } from "../lib/labels";
import { RUN_TONE } from "../lib/run-status";

export function RunStatusBadge({ status, cancelling = false }: { status: TRunStatus; cancelling?: boolean }) {
  const t = useT();
  return (
    <Badge tone={cancelling ? "warning" : RUN_TONE[status]}>
      <span data-testid="training-run-status" data-status={status}>{cancelling ? t("training.status.cancelling") : runStatusLabel(status, t)}</span>
    </Badge>
  );
}
