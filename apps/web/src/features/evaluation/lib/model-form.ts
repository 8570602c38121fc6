// Registering a model by hand: an endpoint or OpenAI model served by one of the project's
// OpenAI-compatible providers (its remote model id, else the provider's own), or the untrained
// builtin student as a know-nothing baseline. Pure; covered by test/evaluation-ui-lib.test.ts.
import type { TProviderDto } from "@/lib/api-types";

export const REGISTRABLE_BACKENDS = ["endpoint", "openai", "builtin-student"] as const;
export type TRegistrableBackend = (typeof REGISTRABLE_BACKENDS)[number];
export const MODEL_NAME_MAX = 120;
export const REMOTE_MODEL_MAX = 200;

export interface TModelFormValues {
  name: string;
  backend: TRegistrableBackend;
  providerId: string;
  remoteModel: string;
}

export type TModelBody =
  | { backend: "endpoint" | "openai"; name: string; providerId: string; remoteModel?: string }
  | { backend: "builtin-student"; name: string };

/** The server's rule: 1–120 characters after trimming, no control characters (names reach lists and logs). */
export function validModelName(name: string): boolean {
  const trimmed = name.trim();
  return trimmed.length >= 1 && trimmed.length <= MODEL_NAME_MAX && ![...trimmed].some((c) => c.charCodeAt(0) < 32);
}

/** Providers a model can be served by: OpenAI-compatible ones (the builtin provider answers no chat). */
export function endpointProviders(providers: readonly TProviderDto[]): TProviderDto[] {
  return providers.filter((p) => p.kind === "openai-compatible");
}

export function modelFormProblems(values: TModelFormValues, providers: readonly TProviderDto[]): ("name" | "provider" | "remoteModel")[] {
  const problems: ("name" | "provider" | "remoteModel")[] = [];
  if (!validModelName(values.name)) problems.push("name");
  if (values.backend !== "builtin-student") {
    const provider = providers.find((p) => p.id === values.providerId);
    if (!provider) problems.push("provider");
    const remote = values.remoteModel.trim();
    // Without a remote model id the provider's default model is used; one of the two is needed.
    if (remote.length > REMOTE_MODEL_MAX || (remote === "" && provider && !provider.model)) problems.push("remoteModel");
  }
  return problems;
}

export function registerModelBody(values: TModelFormValues): TModelBody {
  const name = values.name.trim();
  if (values.backend === "builtin-student") return { backend: "builtin-student", name };
  const remoteModel = values.remoteModel.trim();
  return { backend: values.backend, name, providerId: values.providerId, ...(remoteModel ? { remoteModel } : {}) };
}
