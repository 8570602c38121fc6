-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('uploaded', 'parsing', 'parsed', 'failed', 'expanded');

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "archiveId" TEXT,
    "discipline" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "status" "DocumentStatus" NOT NULL DEFAULT 'uploaded',
    "errorCode" TEXT,
    "error" TEXT,
    "title" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "parseOptions" JSONB NOT NULL DEFAULT '{}',
    "text" TEXT,
    "charCount" INTEGER NOT NULL DEFAULT 0,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "parsedAt" TIMESTAMP(3),

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Chunk" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "tokens" INTEGER NOT NULL,
    "heading" TEXT,
    "qualityScore" DOUBLE PRECISION NOT NULL,
    "qualityKeep" BOOLEAN NOT NULL,
    "keep" BOOLEAN NOT NULL,
    "dropReason" TEXT,
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "exactHash" TEXT NOT NULL,
    "minhash" BYTEA NOT NULL,
    "duplicateOfId" TEXT,
    "similarity" DOUBLE PRECISION,

    CONSTRAINT "Chunk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorpusSettings" (
    "projectId" TEXT NOT NULL,
    "chunkTokens" INTEGER NOT NULL DEFAULT 512,
    "overlapTokens" INTEGER NOT NULL DEFAULT 64,
    "dedupThreshold" DOUBLE PRECISION NOT NULL DEFAULT 0.8,
    "quality" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CorpusSettings_pkey" PRIMARY KEY ("projectId")
);

-- CreateIndex
CREATE INDEX "Document_projectId_discipline_status_idx" ON "Document"("projectId", "discipline", "status");

-- CreateIndex
CREATE INDEX "Document_projectId_createdAt_idx" ON "Document"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "Document_archiveId_idx" ON "Document"("archiveId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_projectId_contentHash_key" ON "Document"("projectId", "contentHash");

-- CreateIndex
CREATE INDEX "Chunk_projectId_keep_idx" ON "Chunk"("projectId", "keep");

-- CreateIndex
CREATE INDEX "Chunk_projectId_exactHash_idx" ON "Chunk"("projectId", "exactHash");

-- CreateIndex
CREATE UNIQUE INDEX "Chunk_documentId_index_key" ON "Chunk"("documentId", "index");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_archiveId_fkey" FOREIGN KEY ("archiveId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Chunk" ADD CONSTRAINT "Chunk_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Chunk" ADD CONSTRAINT "Chunk_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorpusSettings" ADD CONSTRAINT "CorpusSettings_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
