"use client";

import { Badge, type TTone } from "@/components/ui/badge";
import { useT } from "@/i18n/i18n-provider";
import type { TOperation } from "../lib/openapi-model";
import { SchemaLabel } from "./schema-label";

const METHOD_TONE: Record<string, TTone> = { GET: "info", POST: "success", PUT: "warning", PATCH: "warning", DELETE: "danger" };

/** One operation: a summary line that opens to its parameters, body and responses. */
export function OperationItem({ op }: { op: TOperation }) {
  const t = useT();
  return (
    <details id={op.id} className="group rounded-md border border-line bg-surface">
      <summary className="flex cursor-pointer items-center gap-3 px-3 py-2 text-[13px] select-none">
        <Badge tone={METHOD_TONE[op.method] ?? "neutral"} className="w-14 justify-center font-mono">{op.method}</Badge>
        <code className="font-mono text-strong">{op.path}</code>
        <span className="truncate text-muted">{op.summary}</span>
        {op.isPublic && <Badge>{t("apiDocs.public")}</Badge>}
      </summary>
      <div className="flex flex-col gap-4 border-t border-line px-4 py-3 text-[13px]">
        <p className="whitespace-pre-line text-fg">{op.description}</p>
        {op.parameters.length > 0 && (
          <section>
            <h4 className="mb-1 text-[11px] font-semibold text-muted uppercase">{t("apiDocs.parameters")}</h4>
            <table className="w-full">
              <thead className="text-left text-[11px] text-muted">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("apiDocs.name")}</th>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("apiDocs.in")}</th>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("apiDocs.type")}</th>
                  <th scope="col" className="py-1 font-medium" />
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in}:${p.name}`} className="border-t border-line align-top">
                    <td className="py-1 pr-3 font-mono">{p.name}{p.required && <span className="text-danger" title={t("apiDocs.required")}>*</span>}</td>
                    <td className="py-1 pr-3 text-muted">{p.in}</td>
                    <td className="py-1 pr-3 font-mono text-xs">{p.type}</td>
                    <td className="py-1 text-muted">{p.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {op.body.map((b) => (
          <section key={b.contentType}>
            <h4 className="mb-1 text-[11px] font-semibold text-muted uppercase">
              {t("apiDocs.requestBody")} · <span className="font-mono normal-case">{b.contentType}</span>
            </h4>
            <pre className="max-h-80 overflow-auto rounded-sm bg-input p-2 font-mono text-xs">{JSON.stringify(b.schema, null, 2)}</pre>
          </section>
        ))}
        <section>
          <h4 className="mb-1 text-[11px] font-semibold text-muted uppercase">{t("apiDocs.responses")}</h4>
          <ul className="flex flex-col gap-1">
            {op.responses.map((r) => (
              <li key={r.status} className="flex flex-wrap items-baseline gap-2">
                <code className="w-16 font-mono text-strong">{r.status}</code>
                {r.contentType && <span className="font-mono text-xs text-muted">{r.contentType}</span>}
                <SchemaLabel label={r.type} />
                {r.description && <span className="text-muted">{r.description}</span>}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </details>
  );
}
