"use client";

import { can } from "@proda/core";
import { useState } from "react";
import { IconButton } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { GridEmptyState } from "@/components/ui/grid-empty-state";
import { CONTROL_CLASS } from "@/components/ui/field";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useT } from "@/i18n/i18n-provider";
import type { TRelationDto } from "@/lib/api-types";
import { useKnowledgeRelations } from "../hooks/use-knowledge-relations";
import { useUpdateRelation } from "../hooks/use-update-relation";
import { relationChanges, type TRelationPatch } from "../lib/edit-patches";
import { relationTypeLabel } from "../lib/knowledge-labels";
import { RELATION_TYPES } from "../lib/relation-types";
import { DisciplineSelect } from "./discipline-select";
import { EditError, focusGrid } from "./edit-error";
import { usePagedRows } from "@/components/ui/use-paged-rows";
import { VirtualGrid } from "@/components/ui/virtual-grid";
import { RelationTypeBadge } from "./relation-type-badge";
import { EDITOR_CONTROL, RowEditor } from "./row-editor";

const TEMPLATE = "grid-cols-[minmax(16rem,3fr)_minmax(14rem,3fr)_minmax(6rem,1fr)_2rem]";
const ROW_HEIGHT = 52;
const ID_PREFIX = "knowledge-relation";

function RelationEditor({ relation, onSave, onCancel }: { relation: TRelationDto; onSave: (patch: TRelationPatch) => void; onCancel: () => void }) {
  const t = useT();
  const [values, setValues] = useState({ type: relation.type, predicate: relation.predicate, negated: relation.negated });
  return (
    <RowEditor
      label={t("knowledge.relations.editLabel", { subject: relation.subject.term, object: relation.object.term })}
      onSubmit={() => onSave(relationChanges(relation, values))}
      onCancel={onCancel}
    >
      <span className="max-w-40 truncate text-xs text-strong" title={relation.subject.term}>{relation.subject.term}</span>
      <select aria-label={t("knowledge.relations.type")} value={values.type} autoFocus onChange={(e) => setValues({ ...values, type: e.target.value })} className={cx(EDITOR_CONTROL, "w-36")}>
        {RELATION_TYPES.map((type) => <option key={type} value={type}>{relationTypeLabel(type, t)}</option>)}
      </select>
      <span className="max-w-40 truncate text-xs text-strong" title={relation.object.term}>{relation.object.term}</span>
      <input aria-label={t("knowledge.relations.predicate")} value={values.predicate} required maxLength={200}
        onChange={(e) => setValues({ ...values, predicate: e.target.value })} className={cx(EDITOR_CONTROL, "min-w-0 flex-1")} />
      <label className="flex items-center gap-1 text-xs text-fg">
        <input type="checkbox" checked={values.negated} onChange={(e) => setValues({ ...values, negated: e.target.checked })} />
        {t("knowledge.relations.negated")}
      </label>
    </RowEditor>
  );
}

/** L2: the typed relations with their quotes, by discipline and type, editable by experts. */
export function RelationsTable({
  versionId,
  disciplines,
  onOpenConcept,
}: {
  versionId: string;
  disciplines: string[];
  onOpenConcept: (conceptId: string) => void;
}) {
  const t = useT();
  const { projectId, role } = useWorkbench();
  const canEdit = can(role, "knowledge.edit");
  const [discipline, setDiscipline] = useState("");
  const [type, setType] = useState("");
  const relations = useKnowledgeRelations(projectId, versionId, { discipline: discipline || undefined, type: type || undefined });
  const rows = usePagedRows(relations.data);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const update = useUpdateRelation(projectId, versionId);
  const filtered = !!(discipline || type);

  const finishEditing = () => {
    setEditingId(null);
    focusGrid(ID_PREFIX);
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <div role="search" aria-label={t("knowledge.relations.filters")} className="flex flex-wrap items-center gap-2">
        <select aria-label={t("knowledge.relations.type")} value={type} onChange={(event) => setType(event.target.value)} className={cx(CONTROL_CLASS, "h-7 w-48!")}
          data-testid="knowledge-relation-type-filter">
          <option value="">{t("knowledge.relations.allTypes")}</option>
          {RELATION_TYPES.map((value) => <option key={value} value={value}>{relationTypeLabel(value, t)}</option>)}
        </select>
        <DisciplineSelect disciplines={disciplines} value={discipline} onChange={setDiscipline} />
      </div>
      <EditError mutation={update} />
      <VirtualGrid
        label={t("knowledge.relations.label")}
        rows={rows}
        rowKey={(row) => row.id}
        rowHeight={ROW_HEIGHT}
        template={TEMPLATE}
        columns={[
          { id: "relation", label: t("knowledge.relations.relation") },
          { id: "quote", label: t("knowledge.relations.quote") },
          { id: "discipline", label: t("knowledge.discipline") },
          { id: "actions", label: "" },
        ]}
        query={relations}
        selectedId={selectedId}
        onSelect={(row) => setSelectedId(row.id)}
        onOpen={(row) => onOpenConcept(row.subject.id)}
        onEdit={canEdit ? (row) => setEditingId(row.id) : undefined}
        idPrefix={ID_PREFIX}
        testId="knowledge-relations"
        hint={canEdit ? t("knowledge.relations.hintEdit") : t("knowledge.relations.hint")}
        empty={<GridEmptyState messages="knowledge.relations" filtered={filtered} onClear={() => { setType(""); setDiscipline(""); }} />}
        renderRow={(relation) =>
          relation.id === editingId ? (
            <RelationEditor
              relation={relation}
              onCancel={finishEditing}
              onSave={(patch) => {
                if (Object.keys(patch).length > 0) update.mutate({ id: relation.id, patch });
                finishEditing();
              }}
            />
          ) : (
            <>
              <span role="gridcell" className="min-w-0">
                <span className="flex min-w-0 items-center gap-1.5">
                  <button type="button" tabIndex={-1} onClick={(e) => { e.stopPropagation(); onOpenConcept(relation.subject.id); }}
                    className="min-w-0 truncate font-medium text-strong hover:text-link hover:underline">{relation.subject.term}</button>
                  <RelationTypeBadge type={relation.type} negated={relation.negated} />
                  <button type="button" tabIndex={-1} onClick={(e) => { e.stopPropagation(); onOpenConcept(relation.object.id); }}
                    className="min-w-0 truncate font-medium text-strong hover:text-link hover:underline">{relation.object.term}</button>
                </span>
                <span className="block truncate text-[11px] text-muted" title={relation.predicate}>
                  {relation.predicate}
                </span>
              </span>
              <span role="gridcell" className="min-w-0">
                <span className="block truncate text-xs text-fg" title={relation.quote.text}>“{relation.quote.text}”</span>
                <span className="block truncate text-[11px] text-muted" title={relation.quote.documentName}>{relation.quote.documentName}</span>
              </span>
              <span role="gridcell" className="truncate text-xs text-fg" title={relation.discipline}>{relation.discipline}</span>
              <span role="gridcell">
                {canEdit ? (
                  <IconButton icon="edit" size={13} tabIndex={-1} label={t("knowledge.relations.editLabel", { subject: relation.subject.term, object: relation.object.term })}
                    onClick={(event) => { event.stopPropagation(); setSelectedId(relation.id); setEditingId(relation.id); }} />
                ) : null}
              </span>
            </>
          )
        }
      />
    </div>
  );
}
