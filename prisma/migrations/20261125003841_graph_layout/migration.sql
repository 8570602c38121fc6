-- CreateTable
CREATE TABLE "GraphLayout" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "discipline" TEXT NOT NULL,
    "status" "ArtifactStatus" NOT NULL DEFAULT 'building',
    "nodeCount" INTEGER NOT NULL DEFAULT 0,
    "edgeCount" INTEGER NOT NULL DEFAULT 0,
    "conceptIds" TEXT[],
    "positions" BYTEA,
    "edges" BYTEA,
    "communities" BYTEA,
    "stats" JSONB,
    "jobId" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "GraphLayout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GraphLayout_versionId_discipline_key" ON "GraphLayout"("versionId", "discipline");

-- AddForeignKey
ALTER TABLE "GraphLayout" ADD CONSTRAINT "GraphLayout_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "KnowledgeVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
