-- AlterTable
ALTER TABLE "KnowledgeVersion" ADD COLUMN     "conceptsEditedAt" TIMESTAMP(3);
