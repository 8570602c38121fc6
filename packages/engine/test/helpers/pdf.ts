// Writes a minimal, valid PDF by hand (Helvetica text, one content stream per page) with a correct
// xref table, so the PDF tests need no binary fixtures except the encrypted one qpdf made.

export type TPdfPage = { lines: string[] } | { drawingOnly: true };

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

function buildContentStream(page: TPdfPage): string {
  if ("drawingOnly" in page) return "0.5 g 72 72 200 200 re f";
  const body = page.lines.map((line, i) => `1 0 0 1 72 ${720 - i * 16} Tm (${escapePdfString(line)}) Tj`).join("\n");
  return `BT /F1 12 Tf\n${body}\nET`;
}

export function buildPdf(pages: TPdfPage[], info?: { title?: string }): Uint8Array {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1 catalog, 2 pages, 3 font, then (page, content) pairs, then the info dictionary.
  const firstPageId = 4;
  pages.forEach((_, i) => pageIds.push(firstPageId + i * 2));
  const infoId = firstPageId + pages.length * 2;
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  pages.forEach((page, i) => {
    const pageId = pageIds[i]!;
    const stream = buildContentStream(page);
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`;
  });
  objects[infoId] = `<< /Title (${escapePdfString(info?.title ?? "")}) /Producer (proda-test) >>`;

  let out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, "latin1");
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}
