// Links into the Evaluation stage from elsewhere (a trained model's "Evaluate", the chat panel).
import { stageView, viewHref } from "@/features/workbench/lib/views";

/** The stage with some of its URL state: `evaluate` (a model id) opens the launch form for that model. */
export function evaluationHref(projectId: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `${viewHref(projectId, stageView("evaluation"))}${query ? `?${query}` : ""}`;
}
