-- AlterTable
ALTER TABLE "ProviderConfig" ADD COLUMN     "timeoutSeconds" INTEGER;
