"use client";

import { cx } from "@/components/ui/cx";
import { useT } from "@/i18n/i18n-provider";
import type { THealthDto } from "@/lib/api-types";
import { useHealth } from "../hooks/use-health";

function Dot({ ok, label }: { ok: boolean | null; label: string }) {
  return (
    <span className="inline-flex items-center gap-1" title={label}>
      <span
        aria-hidden="true"
        className={cx("h-2 w-2 rounded-full", ok === null ? "bg-muted" : ok ? "bg-success" : "bg-danger")}
      />
      <span className="sr-only">{label}</span>
    </span>
  );
}

function describe(service: THealthDto["database"], name: string, t: ReturnType<typeof useT>): string {
  if (!service.ok) return t("health.serviceDown", { name, error: service.error ?? t("health.noDetail") });
  return service.latencyMs !== undefined
    ? t("health.serviceOkLatency", { name, ms: Math.round(service.latencyMs) })
    : t("health.serviceOk", { name });
}

/** Status-bar health: connection, then database / Redis / worker dots, refreshed every 10 s. */
export function HealthIndicator() {
  const t = useT();
  const health = useHealth();
  const data = health.data;
  const offline = health.isError;
  const summary = offline
    ? t("health.offline")
    : !data
      ? t("health.checking")
      : data.status === "ok"
        ? t("health.connected")
        : t("health.degraded");

  const db = data ? describe(data.database, t("health.database"), t) : t("health.database");
  const redis = data ? describe(data.redis, t("health.redis"), t) : t("health.redis");
  const workers = data
    ? data.workers.ok
      ? t("health.workersOk", { count: data.workers.count })
      : t("health.workersDown")
    : t("health.workers");

  return (
    <div
      role="status"
      aria-label={t("health.label")}
      data-testid="health-indicator"
      className={cx(
        "flex h-full items-center gap-2 px-2 text-[12px]",
        offline ? "bg-danger text-white" : data?.status === "degraded" ? "text-warning" : "",
      )}
      title={[summary, db, redis, workers].join("\n")}
    >
      <span>{summary}</span>
      {offline ? null : (
        <span className="flex items-center gap-1.5">
          <Dot ok={data ? data.database.ok : null} label={db} />
          <Dot ok={data ? data.redis.ok : null} label={redis} />
          <Dot ok={data ? data.workers.ok : null} label={workers} />
        </span>
      )}
    </div>
  );
}
