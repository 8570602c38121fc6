export const auditKeys = {
  all: ["audit"] as const,
  list: (projectId: string) => [...auditKeys.all, projectId] as const,
};
