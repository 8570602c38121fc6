-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "RegisteredModel" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "backend" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "providerId" TEXT,
    "remoteModel" TEXT,
    "artifactPath" TEXT,
    "datasetVersionId" TEXT,
    "trainingRunId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegisteredModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRun" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "backend" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "datasetVersionId" TEXT NOT NULL,
    "baseModelId" TEXT,
    "hyperparameters" JSONB NOT NULL,
    "gate" JSONB NOT NULL,
    "jobId" TEXT,
    "remoteJobId" TEXT,
    "step" INTEGER NOT NULL DEFAULT 0,
    "totalSteps" INTEGER,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "TrainingRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingLogEntry" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "step" INTEGER,
    "epoch" DOUBLE PRECISION,
    "loss" DOUBLE PRECISION,
    "learningRate" DOUBLE PRECISION,
    "accuracy" DOUBLE PRECISION,
    "message" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingLogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "benchmarkId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "status" "ArtifactStatus" NOT NULL DEFAULT 'building',
    "settings" JSONB NOT NULL,
    "summary" JSONB,
    "itemsTotal" INTEGER NOT NULL DEFAULT 0,
    "itemsDone" INTEGER NOT NULL DEFAULT 0,
    "promptTokens" INTEGER NOT NULL DEFAULT 0,
    "completionTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "jobId" TEXT,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "frozenAt" TIMESTAMP(3),

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationResult" (
    "evaluationId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "parsed" TEXT,
    "method" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "chosenOperators" TEXT[],
    "latencyMs" INTEGER NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationResult_pkey" PRIMARY KEY ("evaluationId","itemId")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegisteredModel_trainingRunId_key" ON "RegisteredModel"("trainingRunId");

-- CreateIndex
CREATE UNIQUE INDEX "RegisteredModel_projectId_name_key" ON "RegisteredModel"("projectId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRun_projectId_number_key" ON "TrainingRun"("projectId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingLogEntry_runId_seq_key" ON "TrainingLogEntry"("runId", "seq");

-- CreateIndex
CREATE INDEX "Evaluation_benchmarkId_idx" ON "Evaluation"("benchmarkId");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_projectId_number_key" ON "Evaluation"("projectId", "number");

-- CreateIndex
CREATE INDEX "EvaluationResult_evaluationId_correct_idx" ON "EvaluationResult"("evaluationId", "correct");

-- AddForeignKey
ALTER TABLE "RegisteredModel" ADD CONSTRAINT "RegisteredModel_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRun" ADD CONSTRAINT "TrainingRun_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingLogEntry" ADD CONSTRAINT "TrainingLogEntry_runId_fkey" FOREIGN KEY ("runId") REFERENCES "TrainingRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "RegisteredModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
