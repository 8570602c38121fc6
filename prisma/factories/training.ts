// Training test data straight into the database: a dataset version with synthetic samples, frozen
// (or not) and with a contamination report of a chosen verdict, without running the Builder or the
// guard. Samples go in while the version is ready; freezing comes last (the triggers refuse samples
// added to a frozen version).
import type { PrismaClient } from "@proda/db";

const SUBJECTS = ["catalase", "amylase", "pepsin", "lipase", "trypsin", "insulin", "glucagon", "ferritin", "keratin", "collagen", "myosin", "renin"];
const OBJECTS = ["hydrogen peroxide", "starch", "dietary protein", "stored fat", "blood glucose", "liver glycogen", "muscle tension", "blood pressure", "iron uptake", "skin elasticity"];
const VERBS: [string, string][] = [["increases", "decreases"], ["produces", "consumes"], ["activates", "inhibits"]];

export interface TSyntheticSample {
  key: string;
  type: string;
  messages: { role: "user" | "assistant"; content: string }[];
  meta: Record<string, unknown>;
}

/**
 * True/false samples over `facts` distinct statements, cycling: the first pass teaches them, later
 * passes ask about what was taught, so the student's prequential loss falls as it reads.
 */
export function syntheticTrainingSamples(count: number, facts = 30): TSyntheticSample[] {
  return Array.from({ length: count }, (_, i) => {
    const f = i % facts;
    const [verb, opposite] = VERBS[f % VERBS.length]!;
    const subject = SUBJECTS[f % SUBJECTS.length]!;
    const object = OBJECTS[Math.floor(f / SUBJECTS.length + f) % OBJECTS.length]!;
    const fact = `${subject} ${verb} ${object}`;
    const truth = Math.floor(i / facts) % 2 === 0;
    const shown = truth ? fact : `${subject} ${opposite} ${object}`;
    return {
      key: `synthetic-${i}`,
      type: "true_false",
      messages: [
        { role: "user", content: `True or false: ${shown[0]!.toUpperCase()}${shown.slice(1)}.` },
        { role: "assistant", content: `${truth ? "True" : "False"}. ${fact[0]!.toUpperCase()}${fact.slice(1)}.` },
      ],
      meta: { discipline: "biochemistry", documentId: `doc-${f}`, conceptIds: [], relationIds: [`rel-${f}`], chunkIds: [], truth },
    };
  });
}

export interface TTrainingDatasetInput {
  projectId: string;
  userId: string;
  samples?: number;
  facts?: number;
  frozen?: boolean;
  /** The latest contamination report's verdict; null: none. */
  report?: "passed" | "blocked" | "overridden" | "running" | null;
  overrideReason?: string;
}

export async function createTrainingDataset(prisma: PrismaClient, input: TTrainingDatasetInput) {
  const { projectId, userId } = input;
  const samples = syntheticTrainingSamples(input.samples ?? 120, input.facts);
  const lastKnowledge = await prisma.knowledgeVersion.aggregate({ where: { projectId }, _max: { number: true } });
  const knowledge = await prisma.knowledgeVersion.create({
    data: { projectId, number: (lastKnowledge._max.number ?? 0) + 1, status: "ready", providerKind: "builtin", providerName: "factory", createdById: userId, finishedAt: new Date() },
  });
  const lastDataset = await prisma.datasetVersion.aggregate({ where: { projectId }, _max: { number: true } });
  const number = (lastDataset._max.number ?? 0) + 1;
  const version = await prisma.datasetVersion.create({
    data: {
      projectId, number, name: `Synthetic V${number}`, knowledgeVersionId: knowledge.id, status: "ready", recipe: { synthetic: true },
      sampleCount: samples.length, createdById: userId, finishedAt: new Date(),
    },
  });
  await prisma.trainingSample.createMany({
    data: samples.map((s, position) => ({
      datasetVersionId: version.id, position, key: s.key, type: s.type, messages: s.messages, meta: s.meta as object,
      discipline: "biochemistry", documentId: String(s.meta.documentId), conceptIds: [], relationIds: s.meta.relationIds as string[],
    })),
  });
  if (input.frozen ?? true) {
    await prisma.datasetVersion.update({ where: { id: version.id }, data: { status: "frozen", frozenAt: new Date(), frozenById: userId } });
  }
  const status = input.report === undefined ? "passed" : input.report;
  const report = status
    ? await prisma.contaminationReport.create({
        data: {
          projectId, datasetVersionId: version.id, benchmarkIds: [], options: {}, status, createdById: userId,
          counts: { samples: samples.length, items: 0, byKind: {} },
          overrideReason: status === "overridden" ? (input.overrideReason ?? "Reviewed: the overlap is boilerplate") : null,
          overrideById: status === "overridden" ? userId : null,
          finishedAt: status === "running" ? null : new Date(),
        },
      })
    : null;
  return { version: await prisma.datasetVersion.findUniqueOrThrow({ where: { id: version.id } }), report, samples };
}
