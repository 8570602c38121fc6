export const trainingKeys = {
  all: ["training"] as const,
  project: (projectId: string) => [...trainingKeys.all, projectId] as const,
  runs: (projectId: string) => [...trainingKeys.project(projectId), "runs"] as const,
  run: (projectId: string, runId: string) => [...trainingKeys.project(projectId), "run", runId] as const,
  log: (projectId: string, runId: string) => [...trainingKeys.project(projectId), "log", runId] as const,
  backends: (projectId: string) => [...trainingKeys.project(projectId), "backends"] as const,
};

export const runsPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/training-runs`;
export const runPath = (projectId: string, runId: string) => `${runsPath(projectId)}/${encodeURIComponent(runId)}`;
