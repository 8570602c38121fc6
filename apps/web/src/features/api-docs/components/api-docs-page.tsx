"use client";

import { useMemo, useState } from "react";
import { AppHeader } from "@/components/app-header";
import { Icon } from "@/components/icons";
import { ErrorMessage } from "@/components/ui/error-message";
import { CONTROL_CLASS } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { useT } from "@/i18n/i18n-provider";
import { useOpenApi } from "../hooks/use-openapi";
import { filterGroups, groupOperations } from "../lib/openapi-model";
import { OperationItem } from "./operation-item";

/** /api-docs: the OpenAPI document by stage, operations opening to their parameters and schemas. */
export function ApiDocsPage() {
  const t = useT();
  const doc = useOpenApi();
  const [query, setQuery] = useState("");
  const groups = useMemo(() => (doc.data ? groupOperations(doc.data) : []), [doc.data]);
  const shown = useMemo(() => filterGroups(groups, query), [groups, query]);
  const schemas = Object.entries(doc.data?.components?.schemas ?? {});

  return (
    <div className="flex h-full flex-col">
      <AppHeader />
      <main className="mx-auto w-full max-w-6xl flex-1 overflow-y-auto px-6 py-8">
        <div className="mb-6 flex items-start gap-3">
          <Icon name="file" size={22} className="mt-1 text-link" />
          <div className="flex-1">
            <h1 className="text-xl font-semibold text-strong">{t("apiDocs.title")}</h1>
            <p className="mt-1 text-[13px] text-muted">{t("apiDocs.description")}</p>
            <p className="mt-2 text-[13px] text-fg">
              {t("apiDocs.auth")} <code className="font-mono text-xs">Authorization: Bearer proda_…</code> · {t("apiDocs.cli")}{" "}
              <code className="font-mono text-xs">npx proda --help</code>
            </p>
          </div>
          <a href="/api/v1/openapi.json" download className="flex items-center gap-1 text-[13px] text-link hover:underline">
            <Icon name="download" size={14} /> {t("apiDocs.download")}
          </a>
        </div>
        {doc.isPending ? (
          <p role="status" className="flex items-center gap-2 text-muted"><Spinner /> {t("apiDocs.loading")}</p>
        ) : doc.isError ? (
          <ErrorMessage error={doc.error} onRetry={() => void doc.refetch()} />
        ) : (
          <>
            <input
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t("apiDocs.filter")}
              aria-label={t("apiDocs.filter")}
              className={`${CONTROL_CLASS} mb-6 h-8 w-full max-w-md`}
            />
            {shown.length === 0 && <p className="text-muted">{t("apiDocs.noMatch", { query })}</p>}
            {shown.map((g) => (
              <section key={g.name} aria-labelledby={`tag-${g.name}`} className="mb-8">
                <h2 id={`tag-${g.name}`} className="text-base font-semibold text-strong">
                  {g.name} <span className="text-xs font-normal text-muted">{t("apiDocs.operations", { count: g.operations.length })}</span>
                </h2>
                <p className="mb-2 text-[13px] text-muted">{g.description}</p>
                <div className="flex flex-col gap-1.5">
                  {g.operations.map((op) => <OperationItem key={op.id} op={op} />)}
                </div>
              </section>
            ))}
            <section aria-labelledby="schemas" className="mb-8">
              <h2 id="schemas" className="mb-2 text-base font-semibold text-strong">{t("apiDocs.schemas")}</h2>
              <div className="flex flex-col gap-1">
                {schemas.map(([name, schema]) => (
                  <details key={name} id={`schema-${name}`} className="rounded-md border border-line bg-surface">
                    <summary className="cursor-pointer px-3 py-1.5 font-mono text-[13px] text-strong">{name}</summary>
                    <pre className="max-h-96 overflow-auto border-t border-line p-2 font-mono text-xs">{JSON.stringify(schema, null, 2)}</pre>
                  </details>
                ))}
              </div>
            </section>
          </>
        )}
      </main>
    </div>
  );
}
