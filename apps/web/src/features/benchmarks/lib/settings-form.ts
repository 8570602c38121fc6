// The create form's values → the POST /benchmarks body. Defaults mirror the engine's
// ZTesterSettings (test/benchmarks-ui-lib.test.ts checks they agree); the engine is not imported
// because it is not part of the browser bundle. Pure.
import type { TBenchmarkSettingsDto } from "@/lib/api-types";

export type TSettingsValues = Omit<TBenchmarkSettingsDto, "disciplines">;

export const DEFAULT_SETTINGS: TSettingsValues = {
  optionCount: 4,
  mode: "mixed",
  multiShare: 0.3,
  itemsPerChain: 5,
  maxRefillRounds: 4,
  maxLengthRatio: 1.3,
  seed: 0,
  nearDuplicateThreshold: 0.85,
};

/** The engine's bounds, for the inputs' min/max and the form's check. */
export const SETTING_BOUNDS = {
  optionCount: [3, 6],
  multiShare: [0, 1],
  itemsPerChain: [1, 20],
  maxRefillRounds: [0, 10],
  maxLengthRatio: [1, 3],
  nearDuplicateThreshold: [0.3, 1],
} as const satisfies Partial<Record<keyof TSettingsValues, readonly [number, number]>>;

const INTEGER_SETTINGS = new Set<keyof TSettingsValues>(["optionCount", "itemsPerChain", "maxRefillRounds", "seed"]);

/** The settings whose values are out of bounds or not numbers (integers where the engine wants them). */
export function invalidSettings(values: TSettingsValues): (keyof TSettingsValues)[] {
  const bad: (keyof TSettingsValues)[] = [];
  for (const key of Object.keys(values) as (keyof TSettingsValues)[]) {
    if (key === "mode") continue;
    const value = values[key] as number;
    const bounds = (SETTING_BOUNDS as Partial<Record<keyof TSettingsValues, readonly [number, number]>>)[key];
    if (!Number.isFinite(value) || (INTEGER_SETTINGS.has(key) && !Number.isInteger(value)) || (bounds && (value < bounds[0] || value > bounds[1]))) bad.push(key);
  }
  return bad;
}

export interface TCreateBenchmarkBody {
  knowledgeVersionId: string;
  name?: string;
  providerId?: string;
  settings: TSettingsValues;
  disciplines?: string[];
}

export function createBody(input: { knowledgeVersionId: string; name: string; providerId?: string; settings: TSettingsValues; disciplines: string[] }): TCreateBenchmarkBody {
  const name = input.name.trim();
  return {
    knowledgeVersionId: input.knowledgeVersionId,
    ...(name ? { name } : {}),
    ...(input.providerId ? { providerId: input.providerId } : {}),
    settings: input.settings,
    ...(input.disciplines.length ? { disciplines: [...input.disciplines].sort() } : {}),
  };
}
