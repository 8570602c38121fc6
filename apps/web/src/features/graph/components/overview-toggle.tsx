"use client";

import { Button } from "@/components/ui/button";
import { useT } from "@/i18n/i18n-provider";
import { useOverviewParam } from "../hooks/use-overview-param";

/** The Knowledge stage's "Overview" switch: the whole-graph view instead of the tables. */
export function OverviewToggle() {
  const t = useT();
  const overview = useOverviewParam();
  return (
    <Button
      icon="overview"
      aria-pressed={overview.open}
      data-testid="graph-overview-toggle"
      onClick={() => overview.set(overview.open ? null : "", overview.open ? "replace" : "push")}
      className={overview.open ? "bg-selected" : undefined}
    >
      {t("graph.overview")}
    </Button>
  );
}
