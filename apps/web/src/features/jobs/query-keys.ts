export const jobKeys = {
  all: ["jobs"] as const,
  lists: () => [...jobKeys.all, "list"] as const,
  list: (projectId: string) => [...jobKeys.lists(), projectId] as const,
  detail: (jobId: string) => [...jobKeys.all, "detail", jobId] as const,
};
