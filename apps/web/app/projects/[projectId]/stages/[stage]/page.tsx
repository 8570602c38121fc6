import { notFound } from "next/navigation";
import { Suspense, type ComponentType } from "react";
import { TesterView } from "@/features/benchmarks/components/tester-view";
import { CorpusView } from "@/features/corpus/components/corpus-view";
import { BuilderView } from "@/features/datasets/components/builder-view";
import { DebuggerView } from "@/features/debugger/components/debugger-view";
import { EvaluationView } from "@/features/evaluation/components/evaluation-view";
import { KnowledgeView } from "@/features/knowledge/components/knowledge-view";
import { TrainingView } from "@/features/training/components/training-view";
import { isStageId, type TStageId } from "@/features/workbench/lib/views";

const VIEWS: Record<TStageId, ComponentType> = {
  corpus: CorpusView,
  knowledge: KnowledgeView,
  tester: TesterView,
  builder: BuilderView,
  training: TrainingView,
  evaluation: EvaluationView,
  debugger: DebuggerView,
};

export default async function Page({ params }: { params: Promise<{ stage: string }> }) {
  const { stage } = await params;
  if (!isStageId(stage)) notFound();
  const View = VIEWS[stage];
  // The views read the URL's search parameters, which needs a Suspense boundary.
  return (
    <Suspense>
      <View />
    </Suspense>
  );
}
