// Which dataset versions a run may train on, as the launch form explains it: only frozen versions
// whose latest contamination check passed, or was overridden by an owner with a reason (the server
// enforces the same gate). Pure; covered by test/training-ui-lib.test.ts.
import type { TTone } from "@/components/ui/badge";
import type { TDatasetDto } from "@/lib/api-types";

export type TGateState = "clean" | "overridden" | "blocked" | "checking" | "failed" | "unchecked" | "not_frozen";

export const GATE_TONE: Record<TGateState, TTone> = {
  clean: "success",
  overridden: "warning",
  blocked: "danger",
  checking: "info",
  failed: "danger",
  unchecked: "neutral",
  not_frozen: "neutral",
};

export function gateState(dataset: Pick<TDatasetDto, "status" | "contamination">): TGateState {
  if (dataset.status !== "frozen") return "not_frozen";
  switch (dataset.contamination?.status) {
    case undefined:
      return "unchecked";
    case "passed":
      return "clean";
    case "overridden":
      return "overridden";
    case "blocked":
      return "blocked";
    case "running":
      return "checking";
    default:
      return "failed";
  }
}

export const isTrainable = (dataset: Pick<TDatasetDto, "status" | "contamination">) => {
  const state = gateState(dataset);
  return state === "clean" || state === "overridden";
};

/** The frozen versions, in list order (newest first): the only ones the select offers. */
export function frozenVersions<T extends Pick<TDatasetDto, "status">>(datasets: readonly T[]): T[] {
  return datasets.filter((d) => d.status === "frozen");
}
