// A .zip upload becomes one document per entry (stored like any upload, deduplicated by content).
// Entries that cannot be taken (unsafe names, nested archives) are recorded on the archive; a limit
// breach (a zip bomb) fails the archive and keeps none of its entries.
import { blobPath, writeBlob } from "@proda/core/server";
import type { Document, PrismaClient } from "@proda/db";
import { expandZip, isParseError } from "@proda/engine";

interface EntryError {
  name: string;
  code: string;
  message: string;
}

export async function expandArchive(prisma: PrismaClient, archive: Document): Promise<string[]> {
  const created: string[] = [];
  const entryErrors: EntryError[] = [];
  let duplicates = 0;
  try {
    for await (const entry of expandZip(blobPath(archive.storageKey))) {
      if ("error" in entry) {
        entryErrors.push({ name: entry.name.slice(0, 300), code: entry.error.code, message: entry.error.message });
        continue;
      }
      const name = entry.name.split("/").filter(Boolean);
      const filename = name.pop() ?? "unnamed";
      if (entry.bytes.length === 0) {
        entryErrors.push({ name: entry.name, code: "empty", message: "The file is empty (0 bytes)" });
        continue;
      }
      const blob = await writeBlob(entry.bytes);
      const existing = await prisma.document.findUnique({ where: { projectId_contentHash: { projectId: archive.projectId, contentHash: blob.key } } });
      if (existing) {
        duplicates++;
        continue;
      }
      const parentMeta = archive.metadata as Record<string, unknown>;
      const folder = name[0]?.toLowerCase();
      const useFolder = parentMeta.disciplineSource === "default" && folder;
      const doc = await prisma.document.create({
        data: {
          projectId: archive.projectId, archiveId: archive.id, uploadedById: archive.uploadedById,
          discipline: useFolder ? folder.slice(0, 80) : archive.discipline,
          filename: filename.slice(0, 255), format: filename.split(".").pop()!.toLowerCase(),
          sizeBytes: blob.sizeBytes, contentHash: blob.key, storageKey: blob.key,
          metadata: { path: `${archive.filename}/${entry.name}`, disciplineSource: useFolder ? "folder" : parentMeta.disciplineSource ?? "default" },
          parseOptions: archive.parseOptions ?? {},
        },
      });
      created.push(doc.id);
    }
  } catch (error) {
    if (!isParseError(error)) throw error;
    await prisma.document.deleteMany({ where: { archiveId: archive.id } });
    await prisma.document.update({ where: { id: archive.id }, data: { status: "failed", errorCode: error.code, error: error.message } });
    return [];
  }
  await prisma.document.update({
    where: { id: archive.id },
    data: {
      status: "expanded", parsedAt: new Date(),
      metadata: { ...(archive.metadata as object), entries: created.length, duplicates, entryErrors: entryErrors as object[] },
    },
  });
  return created;
}
