// Reads an external-set upload: multipart (field "file", optional "name") or JSON {name?, jsonl}.
// The body is read with a hard byte limit before anything is parsed, so an oversized upload is
// refused (413) without being buffered whole.
import { AppError } from "@proda/core";
import { z } from "zod";

export const MAX_SET_BYTES = 8_000_000;

const ZJsonBody = z.object({ name: z.string().trim().min(1).max(120).optional(), jsonl: z.string().min(1) });

async function readBounded(req: Request, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => new AppError("payload_too_large", `The set is over ${max} bytes; split it into several sets.`);
  if (Number(req.headers.get("content-length") ?? 0) > max) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  for (;;) {
    const part = reader ? await reader.read() : { done: true as const, value: undefined };
    if (part.done) break;
    size += part.value.byteLength;
    if (size > max) {
      await reader!.cancel();
      throw tooLarge();
    }
    chunks.push(part.value);
  }
  const out = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export async function readSetRequest(req: Request): Promise<{ name: string | null; fileName: string | null; jsonl: string }> {
  const bytes = await readBounded(req, MAX_SET_BYTES);
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(bytes, { headers: { "content-type": type } }).formData().catch(() => {
      throw new AppError("bad_request", "The multipart body could not be read");
    });
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("bad_request", 'Send the JSONL file as the multipart field "file"');
    const name = form.get("name");
    return { name: typeof name === "string" && name.trim() ? name.trim().slice(0, 120) : null, fileName: file.name || null, jsonl: await file.text() };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new AppError("bad_request", 'Send multipart (field "file") or JSON {"name"?, "jsonl"}');
  }
  const parsed = ZJsonBody.safeParse(raw);
  if (!parsed.success) throw new AppError("validation_failed", "Some fields are invalid", z.flattenError(parsed.error));
  return { name: parsed.data.name ?? null, fileName: null, jsonl: parsed.data.jsonl };
}
