"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/error-message";
import { formatCount } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TBenchmarkDto } from "@/lib/api-types";
import { useFreezeBenchmark } from "../hooks/use-freeze-benchmark";

/**
 * "Freeze benchmark #n?": says what freezing means (no more edits or reviews, the nodes it tests are
 * marked, evaluations and the contamination guard use it) and how many items are still unreviewed.
 */
export function FreezeBenchmarkDialog({ projectId, benchmark, open, onClose }: { projectId: string; benchmark: TBenchmarkDto; open: boolean; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const freeze = useFreezeBenchmark(projectId);
  const pending = benchmark.review?.pending ?? 0;
  return (
    <Dialog open={open} onClose={() => { freeze.reset(); onClose(); }} title={t("benchmarks.freeze.title", { number: benchmark.number })}>
      <div className="flex flex-col gap-2 text-[13px] text-fg" data-testid="benchmark-freeze-dialog">
        <p>{t("benchmarks.freeze.body")}</p>
        <ul className="list-disc pl-5 text-xs text-muted">
          <li>{t("benchmarks.freeze.pointItems")}</li>
          <li>{t("benchmarks.freeze.pointNodes")}</li>
          <li>{t("benchmarks.freeze.pointGuard")}</li>
        </ul>
        {pending > 0 ? <p className="text-xs text-warning" role="note">{t("benchmarks.freeze.pending", { count: formatCount(pending, locale) })}</p> : null}
      </div>
      {freeze.error ? <ErrorMessage error={freeze.error} /> : null}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>{t("common.cancel")}</Button>
        <Button variant="primary" icon="check" busy={freeze.isPending} onClick={() => freeze.mutate(benchmark.id, { onSuccess: onClose })}>
          {t("benchmarks.freeze.confirm")}
        </Button>
      </div>
    </Dialog>
  );
}
