"use client";

import { Badge } from "@/components/ui/badge";
import { useT } from "@/i18n/i18n-provider";
import type { TTrainingRunDto } from "@/lib/api-types";

/** The contamination gate the run passed: clean, or overridden by an owner (with who and why). */
export function GateInfo({ gate }: { gate: TTrainingRunDto["gate"] }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-1" data-testid="training-gate" data-gate={gate.status}>
      <Badge tone={gate.status === "clean" ? "success" : "warning"} className="self-start">
        {gate.status === "clean" ? t("training.gate.runClean") : t("training.gate.runOverridden")}
      </Badge>
      {gate.status === "overridden" ? (
        <p className="text-xs text-fg">
          {gate.by ? <span className="text-muted">{t("training.gate.overriddenBy", { name: gate.by })} </span> : null}
          {gate.reason ? <q className="break-words">{gate.reason}</q> : null}
        </p>
      ) : null}
    </div>
  );
}
