export const memberKeys = {
  all: ["members"] as const,
  list: (projectId: string) => [...memberKeys.all, projectId] as const,
};
