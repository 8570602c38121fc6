"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useT } from "@/i18n/i18n-provider";
import type { TConceptDto } from "@/lib/api-types";
import { conceptChanges, type TConceptPatch } from "../lib/edit-patches";
import { ConceptTypeOptions } from "./concept-type-options";

/** The detail panel's editor: term, type, definition and aliases (one per line or comma-separated). */
export function ConceptEditForm({ concept, onSave, onCancel }: { concept: TConceptDto; onSave: (patch: TConceptPatch) => void; onCancel: () => void }) {
  const t = useT();
  const typesId = useId();
  const [values, setValues] = useState({
    term: concept.term,
    type: concept.type,
    definition: concept.definition ?? "",
    aliases: concept.aliases.join("\n"),
  });
  return (
    <form
      aria-label={t("knowledge.concepts.editLabel", { term: concept.term })}
      className="flex flex-col gap-2 rounded-md border border-line bg-sidebar/60 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(conceptChanges(concept, values));
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <TextField label={t("knowledge.concepts.term")} value={values.term} required maxLength={300} autoFocus onChange={(e) => setValues({ ...values, term: e.target.value })} />
      <TextField label={t("knowledge.concepts.type")} value={values.type} required maxLength={60} list={typesId} onChange={(e) => setValues({ ...values, type: e.target.value })} />
      <ConceptTypeOptions id={typesId} />
      <TextAreaField label={t("knowledge.concepts.definition")} value={values.definition} maxLength={4000} onChange={(e) => setValues({ ...values, definition: e.target.value })} />
      <TextAreaField
        label={t("knowledge.concepts.aliases")}
        hint={t("knowledge.concepts.aliasesHint")}
        value={values.aliases}
        className="min-h-14"
        onChange={(e) => setValues({ ...values, aliases: e.target.value })}
      />
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>{t("common.cancel")}</Button>
        <Button variant="primary" type="submit" icon="check">{t("common.save")}</Button>
      </div>
    </form>
  );
}
