// Writes an edited concept, relation or chain into every cached query of its version that shows it,
// so tables, the detail panel and the chain view agree without refetching. Used optimistically
// (then rolled back from the snapshot on error) and again with the server's answer.
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { TChainDetailDto, TChainSummaryDto, TConceptDetailDto, TConceptDto, TNeighbourhoodDto, TPage, TRelationDto } from "@/lib/api-types";
import type { TConceptPage } from "../hooks/use-knowledge-concepts";
import { knowledgeKeys } from "../query-keys";
import { patchPages, type TPagesData } from "./patch-pages";

export type TSnapshot = [QueryKey, unknown][];

/** Everything cached for the version, to restore after a failed edit. */
export function snapshotVersion(queryClient: QueryClient, projectId: string, versionId: string): TSnapshot {
  return queryClient.getQueriesData({ queryKey: knowledgeKeys.data(projectId, versionId) });
}

export function restoreSnapshot(queryClient: QueryClient, snapshot: TSnapshot | undefined): void {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
}

/**
 * Stops refetches that would overwrite the optimistic change. Only queries that already hold data:
 * a first load cancelled here would be left without data and without a fetch (stuck loading), and
 * there is nothing in it to patch anyway.
 */
export async function cancelVersionQueries(queryClient: QueryClient, projectId: string, versionId: string): Promise<void> {
  await queryClient.cancelQueries({ queryKey: knowledgeKeys.data(projectId, versionId), predicate: (query) => query.state.data !== undefined });
}

const renameEnds = (relation: TRelationDto, id: string, term: string): TRelationDto =>
  relation.subject.id === id || relation.object.id === id
    ? {
        ...relation,
        subject: relation.subject.id === id ? { ...relation.subject, term } : relation.subject,
        object: relation.object.id === id ? { ...relation.object, term } : relation.object,
      }
    : relation;

export function writeConcept(queryClient: QueryClient, projectId: string, versionId: string, id: string, patch: Partial<TConceptDto>): void {
  queryClient.setQueriesData<TPagesData<TConceptPage>>({ queryKey: knowledgeKeys.conceptLists(projectId, versionId) }, (data) =>
    patchPages<TConceptDto, TConceptPage>(data, (c) => c.id === id, (c) => ({ ...c, ...patch, id })),
  );
  queryClient.setQueryData<TConceptDetailDto>(knowledgeKeys.concept(projectId, versionId, id), (detail) =>
    detail ? { ...detail, concept: { ...detail.concept, ...patch, id } } : detail,
  );
  const term = patch.term;
  if (term === undefined) return;
  queryClient.setQueriesData<TPagesData<TPage<TRelationDto>>>({ queryKey: knowledgeKeys.relationLists(projectId, versionId) }, (data) =>
    patchPages<TRelationDto, TPage<TRelationDto>>(data, (r) => r.subject.id === id || r.object.id === id, (r) => renameEnds(r, id, term)),
  );
  const data = knowledgeKeys.data(projectId, versionId);
  queryClient.setQueriesData<TConceptDetailDto>({ queryKey: [...data, "concept"] }, (detail) =>
    detail ? { ...detail, outgoing: detail.outgoing.map((r) => renameEnds(r, id, term)), incoming: detail.incoming.map((r) => renameEnds(r, id, term)) } : detail,
  );
  queryClient.setQueriesData<TChainDetailDto>({ queryKey: [...data, "chain"] }, (detail) =>
    detail ? { ...detail, steps: detail.steps.map((s) => ({ ...s, relation: renameEnds(s.relation, id, term) })) } : detail,
  );
  queryClient.setQueriesData<TNeighbourhoodDto>({ queryKey: [...data, "neighbourhood"] }, (hood) =>
    hood?.nodes.some((n) => n.id === id) ? { ...hood, nodes: hood.nodes.map((n) => (n.id === id ? { ...n, term } : n)) } : hood,
  );
}

export function writeRelation(queryClient: QueryClient, projectId: string, versionId: string, id: string, patch: Partial<TRelationDto>): void {
  const apply = (r: TRelationDto): TRelationDto => (r.id === id ? { ...r, ...patch, id } : r);
  queryClient.setQueriesData<TPagesData<TPage<TRelationDto>>>({ queryKey: knowledgeKeys.relationLists(projectId, versionId) }, (data) =>
    patchPages<TRelationDto, TPage<TRelationDto>>(data, (r) => r.id === id, apply),
  );
  queryClient.setQueriesData<TConceptDetailDto>({ queryKey: [...knowledgeKeys.data(projectId, versionId), "concept"] }, (detail) =>
    detail && [...detail.outgoing, ...detail.incoming].some((r) => r.id === id)
      ? { ...detail, outgoing: detail.outgoing.map(apply), incoming: detail.incoming.map(apply) }
      : detail,
  );
  queryClient.setQueriesData<TChainDetailDto>({ queryKey: [...knowledgeKeys.data(projectId, versionId), "chain"] }, (detail) =>
    detail?.steps.some((s) => s.relation.id === id) ? { ...detail, steps: detail.steps.map((s) => ({ ...s, relation: apply(s.relation) })) } : detail,
  );
}

export function writeChain(queryClient: QueryClient, projectId: string, versionId: string, id: string, patch: Partial<TChainSummaryDto>): void {
  queryClient.setQueriesData<TPagesData<TPage<TChainSummaryDto>>>({ queryKey: knowledgeKeys.chainLists(projectId, versionId) }, (data) =>
    patchPages<TChainSummaryDto, TPage<TChainSummaryDto>>(data, (c) => c.id === id, (c) => ({ ...c, ...patch, id })),
  );
  queryClient.setQueryData<TChainDetailDto>(knowledgeKeys.chain(projectId, versionId, id), (detail) =>
    detail ? { ...detail, chain: { ...detail.chain, ...patch, id } } : detail,
  );
  if (patch.title === undefined) return;
  const title = patch.title;
  queryClient.setQueriesData<TConceptDetailDto>({ queryKey: [...knowledgeKeys.data(projectId, versionId), "concept"] }, (detail) =>
    detail?.chains.some((c) => c.id === id) ? { ...detail, chains: detail.chains.map((c) => (c.id === id ? { ...c, title } : c)) } : detail,
  );
}
