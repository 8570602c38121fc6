// Where each artifact opens: its stage with the URL state that selects it (the stages' own
// parameters: Knowledge ?v=, Tester ?b=, Builder ?d=, Training ?r=, Evaluation ?e=, Debugger ?run= /
// ?loop=). Pure; covered by test/debugger-ui-lib.test.ts.
import { stageView, viewHref, type TStageId } from "@/features/workbench/lib/views";
import type { TArtifactType } from "../query-keys";

export function stageHref(projectId: string, stage: TStageId, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `${viewHref(projectId, stageView(stage))}${query ? `?${query}` : ""}`;
}

export function artifactTarget(type: TArtifactType, id: string): { stage: TStageId; params: Record<string, string> } {
  switch (type) {
    case "knowledge_version": return { stage: "knowledge", params: { v: id } };
    case "benchmark": return { stage: "tester", params: { b: id } };
    case "dataset_version": return { stage: "builder", params: { d: id } };
    case "training_run": return { stage: "training", params: { r: id, tab: "run" } };
    case "model": return { stage: "evaluation", params: { tab: "models" } };
    case "evaluation": return { stage: "evaluation", params: { e: id, tab: "summary" } };
    case "diagnosis_run": return { stage: "debugger", params: { run: id, tab: "failures" } };
    case "loop": return { stage: "debugger", params: { loop: id, tab: "loop" } };
  }
}

export function artifactHref(projectId: string, type: TArtifactType, id: string): string {
  const target = artifactTarget(type, id);
  return stageHref(projectId, target.stage, target.params);
}
