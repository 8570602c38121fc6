import { knowledgeKeys, versionPath } from "@/features/knowledge/query-keys";

/** Under the knowledge version's data key, so everything of a version is dropped together. */
export const graphKeys = {
  layouts: (projectId: string, versionId: string) => [...knowledgeKeys.data(projectId, versionId), "layouts"] as const,
  layoutData: (projectId: string, versionId: string, layoutId: string, revision: string) =>
    [...knowledgeKeys.data(projectId, versionId), "layout-data", layoutId, revision] as const,
  overlay: (projectId: string, versionId: string, layoutId: string, kind: string, sourceId: string) =>
    [...knowledgeKeys.data(projectId, versionId), "overlay", layoutId, kind, sourceId] as const,
};

export const layoutsPath = (projectId: string, versionId: string) => `${versionPath(projectId, versionId)}/layouts`;
