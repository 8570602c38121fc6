// A minimal Server-Sent Events reader (the subset our API sends: data, id, comments).
export interface TSseEvent {
  id?: string;
  event?: string;
  data: string;
}

/** Feeds text in any chunking; returns the events completed by this chunk. */
export function createSseParser() {
  let buffer = "";
  let current: { id?: string; event?: string; data: string[] } = { data: [] };
  return (chunk: string): TSseEvent[] => {
    buffer += chunk;
    const events: TSseEvent[] = [];
    let newline: number;
    while ((newline = buffer.search(/\r\n|\n|\r/)) >= 0) {
      // A lone "\r" at the end may be the first half of "\r\n" split across chunks: wait for more.
      if (buffer[newline] === "\r" && newline === buffer.length - 1) break;
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith("\r\n", newline) ? 2 : 1));
      if (line === "") {
        if (current.data.length > 0) events.push({ id: current.id, event: current.event, data: current.data.join("\n") });
        current = { data: [] };
        continue;
      }
      if (line.startsWith(":")) continue; // keep-alive comment
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "data") current.data.push(value);
      else if (field === "id") current.id = value;
      else if (field === "event") current.event = value;
    }
    return events;
  };
}

/** Yields the events of a text/event-stream body until it ends. */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<TSseEvent> {
  const parse = createSseParser();
  const decoder = new TextDecoder();
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    yield* parse(decoder.decode(chunk, { stream: true }));
  }
}
