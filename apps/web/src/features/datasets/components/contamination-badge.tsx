"use client";

import { Badge } from "@/components/ui/badge";
import { useT } from "@/i18n/i18n-provider";
import type { TContaminationSummaryDto } from "@/lib/api-types";
import { CONTAMINATION_TONE } from "../lib/contamination";
import { contaminationStatusLabel } from "../lib/labels";

/** The latest guard verdict of a version, or "not checked". */
export function ContaminationBadge({ report }: { report: Pick<TContaminationSummaryDto, "status"> | null }) {
  const t = useT();
  if (!report) return <Badge>{t("datasets.guard.notChecked")}</Badge>;
  return <Badge tone={CONTAMINATION_TONE[report.status]}><span data-testid="dataset-guard-status" data-status={report.status}>{contaminationStatusLabel(report.status, t)}</span></Badge>;
}
