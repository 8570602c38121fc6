import { notFound } from "next/navigation";
import { Suspense } from "react";
import { TesterView } from "@/features/benchmarks/components/tester-view";
import { CorpusView } from "@/features/corpus/components/corpus-view";
import { BuilderView } from "@/features/datasets/components/builder-view";
import { DebuggerView } from "@/features/debugger/components/debugger-view";
import { EvaluationView } from "@/features/evaluation/components/evaluation-view";
import { KnowledgeView } from "@/features/knowledge/components/knowledge-view";
import { TrainingView } from "@/features/training/components/training-view";
import { StageView } from "@/features/workbench/components/stage-view";
import { isStageId } from "@/features/workbench/lib/views";

export default async function Page({ params }: { params: Promise<{ stage: string }> }) {
  const { stage } = await params;
  if (!isStageId(stage)) notFound();
  if (stage === "corpus") {
    return (
      <Suspense>
        <CorpusView />
      </Suspense>
    );
  }
  if (stage === "knowledge") {
    return (
      <Suspense>
        <KnowledgeView />
      </Suspense>
    );
  }
  if (stage === "tester") {
    return (
      <Suspense>
        <TesterView />
      </Suspense>
    );
  }
  if (stage === "builder") {
    return (
      <Suspense>
        <BuilderView />
      </Suspense>
    );
  }
  if (stage === "training") {
    return (
      <Suspense>
        <TrainingView />
      </Suspense>
    );
  }
  if (stage === "evaluation") {
    return (
      <Suspense>
        <EvaluationView />
      </Suspense>
    );
  }
  if (stage === "debugger") {
    return (
      <Suspense>
        <DebuggerView />
      </Suspense>
    );
  }
  return <StageView stage={stage} />;
}
