export interface TConceptFilters {
  q?: string;
  discipline?: string;
}

export interface TRelationFilters {
  discipline?: string;
  type?: string;
}

export interface TChainFilters {
  discipline?: string;
}

export interface TRunInput {
  providerId?: string;
  disciplines?: string[];
}

export const knowledgeKeys = {
  all: ["knowledge"] as const,
  project: (projectId: string) => [...knowledgeKeys.all, projectId] as const,
  versions: (projectId: string) => [...knowledgeKeys.project(projectId), "versions"] as const,
  version: (projectId: string, versionId: string) => [...knowledgeKeys.project(projectId), "version", versionId] as const,
  estimate: (projectId: string, input: TRunInput) => [...knowledgeKeys.project(projectId), "estimate", input] as const,
  /** Everything read from inside one version (lists, details, neighbourhoods). */
  data: (projectId: string, versionId: string) => [...knowledgeKeys.project(projectId), "data", versionId] as const,
  conceptLists: (projectId: string, versionId: string) => [...knowledgeKeys.data(projectId, versionId), "concepts"] as const,
  concepts: (projectId: string, versionId: string, filters: TConceptFilters) => [...knowledgeKeys.conceptLists(projectId, versionId), filters] as const,
  concept: (projectId: string, versionId: string, conceptId: string) => [...knowledgeKeys.data(projectId, versionId), "concept", conceptId] as const,
  neighbourhood: (projectId: string, versionId: string, conceptId: string, hops: 1 | 2, cap: number) =>
    [...knowledgeKeys.data(projectId, versionId), "neighbourhood", conceptId, hops, cap] as const,
  relationLists: (projectId: string, versionId: string) => [...knowledgeKeys.data(projectId, versionId), "relations"] as const,
  relations: (projectId: string, versionId: string, filters: TRelationFilters) => [...knowledgeKeys.relationLists(projectId, versionId), filters] as const,
  chainLists: (projectId: string, versionId: string) => [...knowledgeKeys.data(projectId, versionId), "chains"] as const,
  chains: (projectId: string, versionId: string, filters: TChainFilters) => [...knowledgeKeys.chainLists(projectId, versionId), filters] as const,
  chain: (projectId: string, versionId: string, chainId: string) => [...knowledgeKeys.data(projectId, versionId), "chain", chainId] as const,
};

/** The position of the kind ("concepts", "concept", "chain", …) in a key under `data`. */
export const DATA_KIND_INDEX = 4;

export const versionPath = (projectId: string, versionId: string) =>
  `/projects/${encodeURIComponent(projectId)}/knowledge/versions/${encodeURIComponent(versionId)}`;
