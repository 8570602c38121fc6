-- CreateEnum
CREATE TYPE "DiagnosisReview" AS ENUM ('pending', 'accepted', 'relabelled', 'rejected');

-- CreateTable
CREATE TABLE "DiagnosisRun" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "datasetVersionId" TEXT,
    "status" "ArtifactStatus" NOT NULL DEFAULT 'building',
    "judge" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "counts" JSONB,
    "jobId" TEXT,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "DiagnosisRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Diagnosis" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "discipline" TEXT NOT NULL,
    "chainId" TEXT NOT NULL,
    "relationIds" TEXT[],
    "conceptIds" TEXT[],
    "fooledBy" TEXT[],
    "label" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "evidence" JSONB NOT NULL,
    "judgeLabel" TEXT,
    "judgeConfidence" DOUBLE PRECISION,
    "judgeRationale" TEXT,
    "abstained" BOOLEAN NOT NULL DEFAULT false,
    "review" "DiagnosisReview" NOT NULL DEFAULT 'pending',
    "reviewLabel" TEXT,
    "reviewNote" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),

    CONSTRAINT "Diagnosis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoopRun" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "stage" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "artifacts" JSONB NOT NULL DEFAULT '{}',
    "timeline" JSONB NOT NULL DEFAULT '[]',
    "jobId" TEXT,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "LoopRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalScore" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "benchmark" TEXT NOT NULL,
    "modelName" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalScore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DiagnosisRun_evaluationId_idx" ON "DiagnosisRun"("evaluationId");

-- CreateIndex
CREATE INDEX "Diagnosis_runId_label_idx" ON "Diagnosis"("runId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "Diagnosis_runId_itemId_key" ON "Diagnosis"("runId", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "LoopRun_projectId_number_key" ON "LoopRun"("projectId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalScore_projectId_benchmark_modelName_key" ON "ExternalScore"("projectId", "benchmark", "modelName");

-- AddForeignKey
ALTER TABLE "DiagnosisRun" ADD CONSTRAINT "DiagnosisRun_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Diagnosis" ADD CONSTRAINT "Diagnosis_runId_fkey" FOREIGN KEY ("runId") REFERENCES "DiagnosisRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoopRun" ADD CONSTRAINT "LoopRun_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalScore" ADD CONSTRAINT "ExternalScore_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
