"use client";

import { can } from "@proda/core";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { IconButton } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { GridEmptyState } from "@/components/ui/grid-empty-state";
import { CONTROL_CLASS } from "@/components/ui/field";
import { useWorkbench } from "@/features/workbench/components/workbench-context";
import { useLocale, useT } from "@/i18n/i18n-provider";
import type { TConceptDto } from "@/lib/api-types";
import { useDebouncedValue } from "../hooks/use-debounced-value";
import { useKnowledgeConcepts } from "../hooks/use-knowledge-concepts";
import { useUpdateConcept } from "../hooks/use-update-concept";
import { conceptChanges, type TConceptPatch } from "../lib/edit-patches";
import { ConceptTypeOptions } from "./concept-type-options";
import { DisciplineSelect } from "./discipline-select";
import { EditError, focusGrid } from "./edit-error";
import { usePagedRows } from "@/components/ui/use-paged-rows";
import { VirtualGrid } from "@/components/ui/virtual-grid";
import { EDITOR_CONTROL, RowEditor } from "./row-editor";
import { formatCount } from "@/i18n/format";

const TEMPLATE = "grid-cols-[minmax(12rem,2fr)_6.5rem_minmax(6rem,1fr)_4rem_minmax(12rem,3fr)_2rem]";
const ROW_HEIGHT = 44;
const ID_PREFIX = "knowledge-concept";
const TYPES_LIST_ID = "knowledge-concept-types";
function ConceptEditor({ concept, onSave, onCancel }: { concept: TConceptDto; onSave: (patch: TConceptPatch) => void; onCancel: () => void }) {
  const t = useT();
  const [values, setValues] = useState({ term: concept.term, type: concept.type, definition: concept.definition ?? "" });
  return (
    <RowEditor label={t("knowledge.concepts.editLabel", { term: concept.term })} onSubmit={() => onSave(conceptChanges(concept, values))} onCancel={onCancel}>
      <input aria-label={t("knowledge.concepts.term")} value={values.term} autoFocus required maxLength={300}
        onChange={(e) => setValues({ ...values, term: e.target.value })} className={cx(EDITOR_CONTROL, "w-48")} />
      <input aria-label={t("knowledge.concepts.type")} value={values.type} list={TYPES_LIST_ID} required maxLength={60}
        onChange={(e) => setValues({ ...values, type: e.target.value })} className={cx(EDITOR_CONTROL, "w-28")} />
      <input aria-label={t("knowledge.concepts.definition")} value={values.definition} maxLength={4000} placeholder={t("knowledge.concepts.noDefinition")}
        onChange={(e) => setValues({ ...values, definition: e.target.value })} className={cx(EDITOR_CONTROL, "min-w-0 flex-1")} />
    </RowEditor>
  );
}

/** L1: the concepts, searchable (prefix + fuzzy), by discipline, editable by experts. */
export function ConceptsTable({
  versionId,
  disciplines,
  onOpenConcept,
}: {
  versionId: string;
  disciplines: string[];
  onOpenConcept: (conceptId: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { projectId, role } = useWorkbench();
  const canEdit = can(role, "knowledge.edit");
  const [query, setQuery] = useState("");
  const [discipline, setDiscipline] = useState("");
  const q = useDebouncedValue(query.trim(), 250);
  const concepts = useKnowledgeConcepts(projectId, versionId, { q: q || undefined, discipline: discipline || undefined });
  const rows = usePagedRows(concepts.data);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const update = useUpdateConcept(projectId, versionId);

  const finishEditing = () => {
    setEditingId(null);
    focusGrid(ID_PREFIX);
  };
  const filtered = !!(q || discipline);

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <div role="search" aria-label={t("knowledge.concepts.filters")} className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          aria-label={t("knowledge.concepts.search")}
          placeholder={t("knowledge.concepts.search")}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="knowledge-concept-search"
          className={cx(CONTROL_CLASS, "h-7 w-72!")}
        />
        <DisciplineSelect disciplines={disciplines} value={discipline} onChange={setDiscipline} />
      </div>
      {canEdit ? <ConceptTypeOptions id={TYPES_LIST_ID} /> : null}
      <EditError mutation={update} />
      <VirtualGrid
        label={t("knowledge.concepts.label")}
        rows={rows}
        rowKey={(row) => row.id}
        rowHeight={ROW_HEIGHT}
        template={TEMPLATE}
        columns={[
          { id: "term", label: t("knowledge.concepts.term") },
          { id: "type", label: t("knowledge.concepts.type") },
          { id: "discipline", label: t("knowledge.discipline") },
          { id: "degree", label: t("knowledge.concepts.degree"), align: "right" },
          { id: "definition", label: t("knowledge.concepts.definition") },
          { id: "actions", label: "" },
        ]}
        query={concepts}
        selectedId={selectedId}
        onSelect={(row) => setSelectedId(row.id)}
        onOpen={(row) => { setSelectedId(row.id); onOpenConcept(row.id); }}
        onEdit={canEdit ? (row) => setEditingId(row.id) : undefined}
        idPrefix={ID_PREFIX}
        testId="knowledge-concepts"
        hint={canEdit ? t("grid.hintEdit") : t("grid.hint")}
        empty={<GridEmptyState messages="knowledge.concepts" filtered={filtered} onClear={() => { setQuery(""); setDiscipline(""); }} />}
        renderRow={(concept) =>
          concept.id === editingId ? (
            <ConceptEditor
              concept={concept}
              onCancel={finishEditing}
              onSave={(patch) => {
                if (Object.keys(patch).length > 0) update.mutate({ id: concept.id, patch });
                finishEditing();
              }}
            />
          ) : (
            <>
              <span role="gridcell" className="min-w-0">
                <button type="button" tabIndex={-1} onClick={(e) => { e.stopPropagation(); setSelectedId(concept.id); onOpenConcept(concept.id); }} data-testid="knowledge-concept-term"
                  className="block max-w-full truncate text-left font-medium text-strong hover:text-link hover:underline">
                  {concept.term}
                </button>
                {concept.aliases.length ? (
                  <span className="block truncate text-[11px] text-muted" title={concept.aliases.join(", ")}>{concept.aliases.join(", ")}</span>
                ) : null}
              </span>
              <span role="gridcell"><Badge>{concept.type}</Badge></span>
              <span role="gridcell" className="truncate text-xs text-fg" title={concept.discipline}>{concept.discipline}</span>
              <span role="gridcell" className="text-right text-xs tabular-nums">{formatCount(concept.degree, locale)}</span>
              <span role="gridcell" className={cx("truncate text-xs", concept.definition ? "text-fg" : "text-muted italic")} title={concept.definition ?? undefined}>
                {concept.definition ?? t("knowledge.concepts.noDefinition")}
              </span>
              <span role="gridcell">
                {canEdit ? (
                  <IconButton icon="edit" size={13} tabIndex={-1} label={t("knowledge.concepts.editLabel", { term: concept.term })}
                    onClick={(event) => { event.stopPropagation(); setSelectedId(concept.id); setEditingId(concept.id); }} />
                ) : null}
              </span>
            </>
          )
        }
      />
    </div>
  );
}
