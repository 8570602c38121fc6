-- CreateEnum
CREATE TYPE "ArtifactStatus" AS ENUM ('building', 'ready', 'frozen', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('pending', 'accepted', 'edited', 'rejected');

-- CreateEnum
CREATE TYPE "ContaminationStatus" AS ENUM ('running', 'passed', 'blocked', 'overridden', 'failed');

-- AlterTable
ALTER TABLE "KnowledgeVersion" ADD COLUMN     "frozenAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Benchmark" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "knowledgeVersionId" TEXT NOT NULL,
    "status" "ArtifactStatus" NOT NULL DEFAULT 'building',
    "settings" JSONB NOT NULL,
    "providerKind" TEXT NOT NULL,
    "providerName" TEXT NOT NULL,
    "jobId" TEXT,
    "skipped" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "frozenAt" TIMESTAMP(3),
    "frozenById" TEXT,

    CONSTRAINT "Benchmark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenchmarkItem" (
    "id" TEXT NOT NULL,
    "benchmarkId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "answer" TEXT NOT NULL,
    "chainId" TEXT NOT NULL,
    "relationIds" TEXT[],
    "conceptIds" TEXT[],
    "chunkIds" TEXT[],
    "discipline" TEXT NOT NULL,
    "chainLength" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "operators" TEXT[],
    "review" "ReviewState" NOT NULL DEFAULT 'pending',
    "reviewNote" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "original" JSONB,

    CONSTRAINT "BenchmarkItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenchmarkNode" (
    "benchmarkId" TEXT NOT NULL,
    "nodeType" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "items" INTEGER NOT NULL,

    CONSTRAINT "BenchmarkNode_pkey" PRIMARY KEY ("benchmarkId","nodeType","nodeId")
);

-- CreateTable
CREATE TABLE "DatasetVersion" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "knowledgeVersionId" TEXT NOT NULL,
    "status" "ArtifactStatus" NOT NULL DEFAULT 'building',
    "recipe" JSONB NOT NULL,
    "contentHash" TEXT,
    "sampleCount" INTEGER NOT NULL DEFAULT 0,
    "coverage" JSONB,
    "stats" JSONB,
    "parentId" TEXT,
    "jobId" TEXT,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "frozenAt" TIMESTAMP(3),
    "frozenById" TEXT,

    CONSTRAINT "DatasetVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSample" (
    "id" TEXT NOT NULL,
    "datasetVersionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "messages" JSONB NOT NULL,
    "meta" JSONB NOT NULL,
    "discipline" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "conceptIds" TEXT[],
    "relationIds" TEXT[],

    CONSTRAINT "TrainingSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContaminationReport" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "datasetVersionId" TEXT NOT NULL,
    "benchmarkIds" TEXT[],
    "options" JSONB NOT NULL,
    "status" "ContaminationStatus" NOT NULL DEFAULT 'running',
    "freezeOnPass" BOOLEAN NOT NULL DEFAULT false,
    "counts" JSONB,
    "hits" JSONB,
    "nodeReport" JSONB,
    "overrideReason" TEXT,
    "overrideById" TEXT,
    "jobId" TEXT,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ContaminationReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Benchmark_projectId_number_key" ON "Benchmark"("projectId", "number");

-- CreateIndex
CREATE INDEX "BenchmarkItem_benchmarkId_position_idx" ON "BenchmarkItem"("benchmarkId", "position");

-- CreateIndex
CREATE INDEX "BenchmarkItem_benchmarkId_discipline_idx" ON "BenchmarkItem"("benchmarkId", "discipline");

-- CreateIndex
CREATE UNIQUE INDEX "BenchmarkItem_benchmarkId_key_key" ON "BenchmarkItem"("benchmarkId", "key");

-- CreateIndex
CREATE INDEX "BenchmarkNode_nodeId_idx" ON "BenchmarkNode"("nodeId");

-- CreateIndex
CREATE UNIQUE INDEX "DatasetVersion_projectId_number_key" ON "DatasetVersion"("projectId", "number");

-- CreateIndex
CREATE INDEX "TrainingSample_datasetVersionId_type_idx" ON "TrainingSample"("datasetVersionId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingSample_datasetVersionId_key_key" ON "TrainingSample"("datasetVersionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingSample_datasetVersionId_position_key" ON "TrainingSample"("datasetVersionId", "position");

-- CreateIndex
CREATE INDEX "ContaminationReport_datasetVersionId_createdAt_idx" ON "ContaminationReport"("datasetVersionId", "createdAt");

-- AddForeignKey
ALTER TABLE "Benchmark" ADD CONSTRAINT "Benchmark_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Benchmark" ADD CONSTRAINT "Benchmark_knowledgeVersionId_fkey" FOREIGN KEY ("knowledgeVersionId") REFERENCES "KnowledgeVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkItem" ADD CONSTRAINT "BenchmarkItem_benchmarkId_fkey" FOREIGN KEY ("benchmarkId") REFERENCES "Benchmark"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkNode" ADD CONSTRAINT "BenchmarkNode_benchmarkId_fkey" FOREIGN KEY ("benchmarkId") REFERENCES "Benchmark"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetVersion" ADD CONSTRAINT "DatasetVersion_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetVersion" ADD CONSTRAINT "DatasetVersion_knowledgeVersionId_fkey" FOREIGN KEY ("knowledgeVersionId") REFERENCES "KnowledgeVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSample" ADD CONSTRAINT "TrainingSample_datasetVersionId_fkey" FOREIGN KEY ("datasetVersionId") REFERENCES "DatasetVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContaminationReport" ADD CONSTRAINT "ContaminationReport_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContaminationReport" ADD CONSTRAINT "ContaminationReport_datasetVersionId_fkey" FOREIGN KEY ("datasetVersionId") REFERENCES "DatasetVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
