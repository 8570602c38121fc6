"use client";

import { can } from "@proda/core";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { ViewFrame } from "@/features/workbench/components/view-frame";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { formatDateTime } from "@/i18n/format";
import { useLocale, useT } from "@/i18n/i18n-provider";
import { useAuditEvents } from "../hooks/use-audit-events";

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return "";
  if (typeof detail === "string") return detail;
  try {
    return JSON.stringify(detail);
  } catch {
    return String(detail);
  }
}

/** Every state-changing action in the project, newest first (owners only). */
export function AuditView() {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const allowed = can(role, "audit.read");
  const audit = useAuditEvents(projectId, { enabled: allowed });
  const events = audit.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <ViewFrame icon="audit" title={t("views.audit")} description={t("audit.description")} wide>
      {!allowed ? (
        <EmptyState icon="audit" title={t("audit.noAccessTitle")}>
          {t("audit.noAccessBody")}
        </EmptyState>
      ) : audit.isPending ? (
        <p role="status" className="flex items-center gap-2 text-muted">
          <Spinner /> {t("audit.loading")}
        </p>
      ) : audit.isError ? (
        <ErrorMessage error={audit.error} onRetry={() => void audit.refetch()} />
      ) : events.length === 0 ? (
        <EmptyState icon="audit" title={t("audit.emptyTitle")}>
          {t("audit.emptyBody")}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-md border border-line">
          <table className="w-full text-[13px]">
            <caption className="sr-only">{t("views.audit")}</caption>
            <thead className="bg-sidebar text-left text-[11px] text-muted uppercase">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">{t("audit.when")}</th>
                <th scope="col" className="px-3 py-1.5 font-medium">{t("audit.actor")}</th>
                <th scope="col" className="px-3 py-1.5 font-medium">{t("audit.action")}</th>
                <th scope="col" className="px-3 py-1.5 font-medium">{t("audit.target")}</th>
                <th scope="col" className="px-3 py-1.5 font-medium">{t("audit.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id} className="border-t border-line align-top">
                  <td className="px-3 py-1.5 text-xs whitespace-nowrap text-muted">{formatDateTime(event.createdAt, locale)}</td>
                  <td className="px-3 py-1.5 text-fg">{event.actorEmail ?? t("audit.system")}</td>
                  <td className="px-3 py-1.5 font-mono text-xs text-strong">{event.action}</td>
                  <td className="px-3 py-1.5 font-mono text-xs text-muted">
                    {event.targetType ? `${event.targetType}${event.targetId ? `:${event.targetId}` : ""}` : "—"}
                  </td>
                  <td className="max-w-md truncate px-3 py-1.5 font-mono text-xs text-muted" title={detailText(event.detail)}>
                    {detailText(event.detail) || "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {audit.hasNextPage ? (
        <div className="text-center">
          <Button size="sm" busy={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
            {t("common.loadMore")}
          </Button>
        </div>
      ) : null}
    </ViewFrame>
  );
}
