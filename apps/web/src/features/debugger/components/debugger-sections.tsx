"use client";

import type { ReactNode } from "react";
import { StageTabs } from "@/features/benchmarks/components/stage-tabs";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TDiagnosisRunDto } from "@/lib/api-types";

export const DEBUGGER_TABS = ["failures", "patch", "compare", "loop", "external"] as const;
export type TDebuggerTab = (typeof DEBUGGER_TABS)[number];

/** The Debugger's sections as ARIA tabs; only the open one is rendered (the caller passes it as children). */
export function DebuggerSections({ tab, onTab, run, children }: { tab: TDebuggerTab; onTab: (tab: TDebuggerTab) => void; run: TDiagnosisRunDto | null; children: ReactNode }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <StageTabs
      idPrefix="debugger"
      label={t("debugger.sections")}
      tab={tab}
      onTab={onTab}
      tabs={[
        { id: "failures", label: t("debugger.tab.failures"), icon: "debugger", count: run?.counts ? formatCount(run.counts.failed, locale) : undefined },
        { id: "patch", label: t("debugger.tab.patch"), icon: "builder" },
        { id: "compare", label: t("debugger.tab.compare"), icon: "relation" },
        { id: "loop", label: t("debugger.tab.loop"), icon: "refresh" },
        { id: "external", label: t("debugger.tab.external"), icon: "report" },
      ]}
    >
      {children}
    </StageTabs>
  );
}
