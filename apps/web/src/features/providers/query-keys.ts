export const providerKeys = {
  all: ["providers"] as const,
  list: (projectId: string) => [...providerKeys.all, projectId] as const,
};
