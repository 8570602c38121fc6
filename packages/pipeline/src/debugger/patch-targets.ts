// The nodes a diagnosis asks a patch to teach, under the label the patch uses. For the structural
// label these are the engine's targets, stored with the evidence. A reviewer's relabel changes
// them: a deficit relabelled a gap reinforces its untaught and weak nodes (every tested node when
// all were taught), a gap relabelled a deficit gets a walkthrough of its chain (diagnoseFailure's rules).
import type { TDiagnosis, TDiagnosisClass, TStructuralEvidence } from "@proda/engine";

export interface TStoredDiagnosis {
  label: string;
  chainId: string;
  relationIds: string[];
  conceptIds: string[];
  evidence: unknown;
}

type TTargets = TDiagnosis["targets"];

export function targetsFor(label: TDiagnosisClass, d: TStoredDiagnosis): TTargets {
  const evidence = d.evidence as TStructuralEvidence & { targets?: TTargets };
  if (label === d.label && evidence.targets) return evidence.targets;
  if (label === "concept_gap") {
    const relationIds = [...evidence.untaughtRelations, ...evidence.weakRelations];
    const conceptIds = [...evidence.untaughtConcepts, ...evidence.weakConcepts];
    if (relationIds.length + conceptIds.length > 0) return { relationIds, conceptIds, chainId: null };
    return { relationIds: [...new Set(d.relationIds)], conceptIds: [...new Set(d.conceptIds)], chainId: null };
  }
  return { relationIds: evidence.weakRelations, conceptIds: evidence.weakConcepts, chainId: d.chainId };
}
