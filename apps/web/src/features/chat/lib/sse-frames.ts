// An incremental Server-Sent Events reader for a fetch() body (EventSource cannot POST): text goes in
// as it arrives, in pieces cut anywhere, and whole events come out. Follows the SSE line rules
// (LF, CRLF or CR endings; `:` comments; `data` lines joined by newlines). Pure; covered by
// test/evaluation-ui-lib.test.ts.

export interface TSseFrame {
  event: string;
  data: string;
  id: string | null;
}

export function createSseParser() {
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let id: string | null = null;

  const readLine = (line: string, out: TSseFrame[]) => {
    if (line === "") {
      if (data.length > 0 || event) out.push({ event: event || "message", data: data.join("\n"), id });
      event = "";
      data = [];
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "id") id = value;
  };

  return {
    /** The events completed by this piece of text. */
    push(text: string): TSseFrame[] {
      buffer += text;
      const out: TSseFrame[] = [];
      for (;;) {
        const end = buffer.search(/[\r\n]/);
        if (end < 0) break;
        // A CR at the very end may be the first half of a CRLF: wait for the next piece.
        if (buffer[end] === "\r" && end === buffer.length - 1) break;
        const width = buffer[end] === "\r" && buffer[end + 1] === "\n" ? 2 : 1;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + width);
        readLine(line, out);
      }
      return out;
    },
    /** The stream ended: a last event without its blank line still counts. */
    end(): TSseFrame[] {
      const out: TSseFrame[] = [];
      if (buffer) readLine(buffer.replace(/\r$/, ""), out);
      buffer = "";
      readLine("", out);
      return out;
    },
  };
}
