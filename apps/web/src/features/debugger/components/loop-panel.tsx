"use client";

import { can } from "@proda/core";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { CONTROL_CLASS } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { runStatusLabel } from "@/features/training/lib/labels";
import { Card } from "@/features/workbench/components/view-frame";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TLoopDto } from "@/lib/api-types";
import { useLoops } from "../hooks/use-loops";
import { LoopDetail } from "./loop-detail";
import { LoopForm } from "./loop-form";

/**
 * The Loop tab: "Run loop" (extract → benchmark → V1 → train → evaluate → diagnose → patch → V2 →
 * train → evaluate as one queued flow), the loop runs newest first, and the chosen one's timeline.
 */
export function LoopPanel({ loopId, formOpen, onFormOpen, onPick, onCompare }: {
  loopId: string | null;
  formOpen: boolean;
  onFormOpen: (open: boolean) => void;
  /** Shows that loop (and closes the form). */
  onPick: (loopId: string) => void;
  onCompare: (ids: { baseline: string; candidate: string; control: string | null }) => void;
}) {
  const t = useT();
  const { projectId, role } = useWorkbench();
  const loops = useLoops(projectId);
  const canRun = can(role, "loop.run");
  const list = loops.data ?? [];
  const loop = list.find((l) => l.id === loopId) ?? list[0] ?? null;
  // One URL change: picking the new loop also closes the form (two navigations from one render would race).
  const onStarted = (started: TLoopDto) => onPick(started.id);
  if (loops.isPending) return <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("debugger.loop.loading")}</p>;
  if (loops.isError) return <ErrorMessage error={loops.error} onRetry={() => void loops.refetch()} />;
  return (
    <div className="flex flex-col gap-3" data-testid="debugger-loop-panel">
      {list.length === 0 ? (
        canRun ? (
          <div className="mx-auto flex w-full max-w-3xl flex-col gap-3">
            <EmptyState icon="refresh" title={t("debugger.loop.emptyTitle")} className="py-4">{t("debugger.loop.emptyBody")}</EmptyState>
            <Card title={t("debugger.loop.formTitle")}><LoopForm onStarted={onStarted} /></Card>
          </div>
        ) : <EmptyState icon="refresh" title={t("debugger.loop.emptyTitle")} className="rounded-md border border-dashed border-line-strong">{t("debugger.loop.readOnly")}</EmptyState>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <select aria-label={t("debugger.loop.pick")} value={loop?.id ?? ""} onChange={(event) => onPick(event.target.value)} className={cx(CONTROL_CLASS, "h-7 w-64!")} data-testid="debugger-loop-picker">
              {list.map((l) => <option key={l.id} value={l.id}>{t("debugger.loop.title", { number: l.number })} · {runStatusLabel(l.status, t)}</option>)}
            </select>
            {canRun ? <Button variant="primary" icon="play" onClick={() => onFormOpen(true)} data-testid="debugger-loop-new">{t("debugger.loop.run")}</Button> : null}
          </div>
          {loop ? <LoopDetail loop={loop} onCompare={onCompare} /> : null}
        </>
      )}
      <Dialog open={formOpen && canRun && list.length > 0} onClose={() => onFormOpen(false)} title={t("debugger.loop.formTitle")} description={t("debugger.loop.formDescription")} className="w-[min(40rem,calc(100vw-2rem))]">
        {formOpen ? <LoopForm onStarted={onStarted} onCancel={() => onFormOpen(false)} /> : null}
      </Dialog>
    </div>
  );
}
