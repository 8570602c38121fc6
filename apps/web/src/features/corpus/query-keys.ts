import type { TDocumentStatus } from "@/lib/api-types";

export interface TDocumentFilters {
  discipline?: string;
  status?: TDocumentStatus;
  q?: string;
}

export const corpusKeys = {
  all: ["corpus"] as const,
  project: (projectId: string) => [...corpusKeys.all, projectId] as const,
  documentLists: (projectId: string) => [...corpusKeys.project(projectId), "documents"] as const,
  documents: (projectId: string, filters: TDocumentFilters) => [...corpusKeys.documentLists(projectId), filters] as const,
  document: (projectId: string, documentId: string) => [...corpusKeys.project(projectId), "document", documentId] as const,
  funnel: (projectId: string) => [...corpusKeys.project(projectId), "funnel"] as const,
  settings: (projectId: string) => [...corpusKeys.project(projectId), "settings"] as const,
};
