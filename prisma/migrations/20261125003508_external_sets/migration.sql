-- AlterTable
ALTER TABLE "Benchmark" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'tester',
ALTER COLUMN "knowledgeVersionId" DROP NOT NULL;
