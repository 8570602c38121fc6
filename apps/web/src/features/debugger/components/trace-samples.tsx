"use client";

import { Badge } from "@/components/ui/badge";
import { sampleTypeLabel } from "@/features/datasets/lib/labels";
import { useT } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/translate";
import type { TSampleDto } from "@/lib/api-types";
import { patchRecipeOf, sampleGist } from "../lib/trace-view";

/** Training or patch samples in brief: type (and patch recipe), the prompt and the answer, as text. */
export function SampleList({ samples, testId }: { samples: TSampleDto[]; testId: string }) {
  const t = useT();
  return (
    <ul className="flex flex-col gap-1.5">
      {samples.map((s) => {
        const gist = sampleGist(s);
        const recipe = patchRecipeOf(s);
        return (
          <li key={s.id} className="flex flex-col gap-0.5 rounded-sm border border-line px-2 py-1.5 text-xs" data-testid={testId}>
            <span className="flex flex-wrap items-center gap-1.5 text-[11px] text-muted">
              <Badge>{sampleTypeLabel(s.type, t)}</Badge>
              {recipe ? <Badge tone="accent">{recipe === "refine" || recipe === "chain_of_thought" ? t(`debugger.recipe.${recipe}` as TMessageKey) : recipe}</Badge> : null}
              <span className="tabular-nums">#{s.position + 1}</span>
              <code className="truncate" title={s.key}>{s.key.slice(0, 10)}</code>
            </span>
            <span className="whitespace-pre-wrap text-fg">{gist.prompt}</span>
            {gist.answer ? <span className="border-l-2 border-success/50 pl-1.5 whitespace-pre-wrap text-muted">{gist.answer}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
