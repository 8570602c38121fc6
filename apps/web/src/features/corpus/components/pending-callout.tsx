"use client";

import { can } from "@proda/core";
import { Icon } from "@/components/icons";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TJobDto } from "@/lib/api-types";
import { useProcessCorpus } from "../hooks/use-process-corpus";
import { formatCount } from "@/i18n/format";

/** "N documents wait to be processed" with a Process now button (hidden while processing runs). */
export function PendingCallout({
  pending,
  processing,
  onProcessStarted,
}: {
  pending: number;
  processing: boolean;
  onProcessStarted: (job: TJobDto) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const process = useProcessCorpus(projectId);
  if (pending === 0 && !process.error) return null;
  const canProcess = can(role, "corpus.upload");

  return (
    <div className="flex flex-col gap-2">
      {pending > 0 && !processing ? (
        <div data-testid="corpus-pending" className="flex flex-wrap items-center gap-3 rounded-md border border-warning/50 bg-warning/10 px-3 py-2 text-[13px]">
          <Icon name="info" size={16} className="text-warning" />
          <span className="flex-1 text-strong">
            {t("corpus.pending.body", { count: formatCount(pending, locale) })}
            {canProcess ? null : <span className="text-muted"> {t("corpus.pending.askSomeone")}</span>}
          </span>
          {canProcess ? (
            <Button
              size="sm"
              variant="primary"
              icon="play"
              busy={process.isPending}
              onClick={() => process.mutate(undefined, { onSuccess: onProcessStarted })}
            >
              {t("corpus.pending.processNow")}
            </Button>
          ) : null}
        </div>
      ) : null}
      {process.error ? <ErrorMessage error={process.error} /> : null}
    </div>
  );
}
