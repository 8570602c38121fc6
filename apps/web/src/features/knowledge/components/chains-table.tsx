"use client";

import { can } from "@proda/core";
import { useState } from "react";
import { IconButton } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { GridEmptyState } from "@/components/ui/grid-empty-state";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TChainSummaryDto } from "@/lib/api-types";
import { useKnowledgeChains } from "../hooks/use-knowledge-chains";
import { useUpdateChain } from "../hooks/use-update-chain";
import { chainTitleChange } from "../lib/edit-patches";
import { DisciplineSelect } from "./discipline-select";
import { EditError, focusGrid } from "./edit-error";
import { usePagedRows } from "@/components/ui/use-paged-rows";
import { VirtualGrid } from "@/components/ui/virtual-grid";
import { EDITOR_CONTROL, RowEditor } from "./row-editor";
import { formatCount } from "@/i18n/format";

const TEMPLATE = "grid-cols-[minmax(18rem,4fr)_minmax(6rem,1fr)_9rem_2rem]";
const ROW_HEIGHT = 40;
const ID_PREFIX = "knowledge-chain";
const STEP_BAR_MAX = 10;

function ChainTitleEditor({ chain, onSave, onCancel }: { chain: TChainSummaryDto; onSave: (title: string | null) => void; onCancel: () => void }) {
  const t = useT();
  const [title, setTitle] = useState(chain.title);
  return (
    <RowEditor label={t("knowledge.chains.editLabel", { title: chain.title })} onSubmit={() => onSave(chainTitleChange(chain, title))} onCancel={onCancel}>
      <input aria-label={t("knowledge.chains.title")} value={title} autoFocus required maxLength={300} onChange={(e) => setTitle(e.target.value)}
        className={cx(EDITOR_CONTROL, "min-w-0 flex-1")} />
    </RowEditor>
  );
}

/** L3: the reasoning chains; Enter or a click on the title opens the chain view. */
export function ChainsTable({ versionId, disciplines, onOpenChain }: { versionId: string; disciplines: string[]; onOpenChain: (chainId: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const canEdit = can(role, "knowledge.edit");
  const [discipline, setDiscipline] = useState("");
  const chains = useKnowledgeChains(projectId, versionId, { discipline: discipline || undefined });
  const rows = usePagedRows(chains.data);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const update = useUpdateChain(projectId, versionId);

  const finishEditing = () => {
    setEditingId(null);
    focusGrid(ID_PREFIX);
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      {disciplines.length > 1 ? (
        <div role="search" aria-label={t("knowledge.chains.filters")} className="flex flex-wrap items-center gap-2">
          <DisciplineSelect disciplines={disciplines} value={discipline} onChange={setDiscipline} />
        </div>
      ) : null}
      <EditError mutation={update} />
      <VirtualGrid
        label={t("knowledge.chains.label")}
        rows={rows}
        rowKey={(row) => row.id}
        rowHeight={ROW_HEIGHT}
        template={TEMPLATE}
        columns={[
          { id: "title", label: t("knowledge.chains.title") },
          { id: "discipline", label: t("knowledge.discipline") },
          { id: "steps", label: t("knowledge.chains.steps") },
          { id: "actions", label: "" },
        ]}
        query={chains}
        selectedId={selectedId}
        onSelect={(row) => setSelectedId(row.id)}
        onOpen={(row) => onOpenChain(row.id)}
        onEdit={canEdit ? (row) => setEditingId(row.id) : undefined}
        idPrefix={ID_PREFIX}
        testId="knowledge-chains"
        hint={canEdit ? t("grid.hintEdit") : t("grid.hint")}
        empty={<GridEmptyState messages="knowledge.chains" filtered={!!discipline} onClear={() => setDiscipline("")} icon="knowledge" />}
        renderRow={(chain) =>
          chain.id === editingId ? (
            <ChainTitleEditor
              chain={chain}
              onCancel={finishEditing}
              onSave={(title) => {
                if (title) update.mutate({ id: chain.id, title });
                finishEditing();
              }}
            />
          ) : (
            <>
              <span role="gridcell" className="min-w-0">
                <button type="button" tabIndex={-1} onClick={(e) => { e.stopPropagation(); setSelectedId(chain.id); onOpenChain(chain.id); }} data-testid="knowledge-chain-title"
                  className="block max-w-full truncate text-left font-medium text-strong hover:text-link hover:underline" title={chain.title}>
                  {chain.title}
                </button>
              </span>
              <span role="gridcell" className="truncate text-xs text-fg" title={chain.discipline}>{chain.discipline}</span>
              <span role="gridcell" className="flex items-center gap-2 text-xs" title={t("knowledge.chains.stepCount", { count: chain.stepCount })}>
                <span className="flex gap-0.5" aria-hidden="true">
                  {Array.from({ length: Math.min(STEP_BAR_MAX, chain.stepCount) }, (_, i) => (
                    <span key={i} className="h-2.5 w-1.5 rounded-[1px] bg-accent/70" />
                  ))}
                </span>
                <span className="tabular-nums">{formatCount(chain.stepCount, locale)}</span>
              </span>
              <span role="gridcell">
                {canEdit ? (
                  <IconButton icon="edit" size={13} tabIndex={-1} label={t("knowledge.chains.editLabel", { title: chain.title })}
                    onClick={(event) => { event.stopPropagation(); setSelectedId(chain.id); setEditingId(chain.id); }} />
                ) : null}
              </span>
            </>
          )
        }
      />
    </div>
  );
}
