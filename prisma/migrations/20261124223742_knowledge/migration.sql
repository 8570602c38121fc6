-- CreateEnum
CREATE TYPE "KnowledgeVersionStatus" AS ENUM ('extracting', 'canonicalising', 'ready', 'failed', 'cancelled');

-- AlterTable
ALTER TABLE "ProviderConfig" ADD COLUMN     "inputUsdPerMTok" DOUBLE PRECISION,
ADD COLUMN     "outputUsdPerMTok" DOUBLE PRECISION,
ADD COLUMN     "requestsPerMinute" INTEGER,
ADD COLUMN     "tokensPerMinute" INTEGER;

-- CreateTable
CREATE TABLE "KnowledgeVersion" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "KnowledgeVersionStatus" NOT NULL DEFAULT 'extracting',
    "providerKind" TEXT NOT NULL,
    "providerName" TEXT NOT NULL,
    "model" TEXT,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "jobId" TEXT,
    "chunksTotal" INTEGER NOT NULL DEFAULT 0,
    "chunksDone" INTEGER NOT NULL DEFAULT 0,
    "chunksRejected" INTEGER NOT NULL DEFAULT 0,
    "promptTokens" INTEGER NOT NULL DEFAULT 0,
    "completionTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "cachedCalls" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "KnowledgeVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeChunkResult" (
    "versionId" TEXT NOT NULL,
    "chunkId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "result" JSONB,
    "rejectReason" TEXT,
    "rejectedItems" INTEGER NOT NULL DEFAULT 0,
    "promptTokens" INTEGER NOT NULL DEFAULT 0,
    "completionTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "cached" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeChunkResult_pkey" PRIMARY KEY ("versionId","chunkId")
);

-- CreateTable
CREATE TABLE "Concept" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "aliases" TEXT[],
    "definition" TEXT,
    "type" TEXT NOT NULL,
    "discipline" TEXT NOT NULL,
    "degree" INTEGER NOT NULL DEFAULT 0,
    "mentions" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "Concept_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Relation" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "predicate" TEXT NOT NULL,
    "negated" BOOLEAN NOT NULL DEFAULT false,
    "chunkId" TEXT NOT NULL,
    "quoteStart" INTEGER NOT NULL,
    "quoteEnd" INTEGER NOT NULL,
    "discipline" TEXT NOT NULL,

    CONSTRAINT "Relation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Chain" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "chunkId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "discipline" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "steps" JSONB NOT NULL,
    "stepCount" INTEGER NOT NULL,
    "preconditions" JSONB NOT NULL DEFAULT '[]',
    "negativeConstraints" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "Chain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LlmCache" (
    "key" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "promptTokens" INTEGER NOT NULL,
    "completionTokens" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LlmCache_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeVersion_projectId_number_key" ON "KnowledgeVersion"("projectId", "number");

-- CreateIndex
CREATE INDEX "Concept_versionId_discipline_idx" ON "Concept"("versionId", "discipline");

-- CreateIndex
CREATE UNIQUE INDEX "Concept_versionId_key_key" ON "Concept"("versionId", "key");

-- CreateIndex
CREATE INDEX "Relation_versionId_subjectId_idx" ON "Relation"("versionId", "subjectId");

-- CreateIndex
CREATE INDEX "Relation_versionId_objectId_idx" ON "Relation"("versionId", "objectId");

-- CreateIndex
CREATE INDEX "Relation_chunkId_idx" ON "Relation"("chunkId");

-- CreateIndex
CREATE INDEX "Chain_versionId_discipline_idx" ON "Chain"("versionId", "discipline");

-- AddForeignKey
ALTER TABLE "KnowledgeVersion" ADD CONSTRAINT "KnowledgeVersion_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeChunkResult" ADD CONSTRAINT "KnowledgeChunkResult_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "KnowledgeVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concept" ADD CONSTRAINT "Concept_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "KnowledgeVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Relation" ADD CONSTRAINT "Relation_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "KnowledgeVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Chain" ADD CONSTRAINT "Chain_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "KnowledgeVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
