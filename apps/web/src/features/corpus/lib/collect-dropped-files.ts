// Turns a drop into files with their relative paths, walking dropped folders
// (DataTransferItem.webkitGetAsEntry). Entries must be taken synchronously inside the drop event;
// reading them may then take as long as it needs.
import type { TPickedFile } from "./upload-plan";

function readFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: TPickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await readFile(entry as FileSystemFileEntry);
    out.push({ file, path: entry.fullPath.replace(/^\/+/, "") || file.name });
    return;
  }
  if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns at most ~100 entries per call; keep reading until it returns none.
    for (;;) {
      const batch = await readBatch(reader);
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, out);
    }
  }
}

/** Call synchronously from the drop handler; the returned promise resolves with every file. */
export function collectDroppedFiles(dataTransfer: DataTransfer): Promise<TPickedFile[]> {
  const items = Array.from(dataTransfer.items ?? []).filter((item) => item.kind === "file");
  const entries = items.map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((entry) => entry === null)) {
    return Promise.resolve(Array.from(dataTransfer.files).map((file) => ({ file, path: file.name })));
  }
  const out: TPickedFile[] = [];
  return entries.reduce<Promise<void>>((chain, entry) => chain.then(() => walk(entry!, out)), Promise.resolve()).then(() => out);
}

export function filesFromInput(list: FileList | null): TPickedFile[] {
  return Array.from(list ?? []).map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}
