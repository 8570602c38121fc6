// Backends, run statuses and gate states → catalogue strings; unknown values as written.
import type { TTranslate } from "@/i18n/i18n-provider";
import type { TMessageKey } from "@/i18n/translate";
import type { TRunStatus } from "@/lib/api-types";
import type { TGateState } from "./dataset-gate";

export const TRAINER_BACKENDS = ["builtin-student", "openai", "hf-peft", "command"] as const;

export function backendLabel(backend: string, t: TTranslate): string {
  return (TRAINER_BACKENDS as readonly string[]).includes(backend) || backend === "endpoint" ? t(`training.backend.${backend}` as TMessageKey) : backend;
}

export function runStatusLabel(status: TRunStatus, t: TTranslate): string {
  return t(`training.status.${status}` as TMessageKey);
}

export function gateLabel(state: TGateState, t: TTranslate): string {
  return t(`training.gate.${state}` as TMessageKey);
}
