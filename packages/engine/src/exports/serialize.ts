// JSON, JSON Lines and CSV writers that yield one row at a time (so a caller can stream 160k
// samples to disk), and the readers parseExport uses.

/** A JSON array, one row per line, written as it goes. */
export function* writeJsonArray(rows: Iterable<unknown>): Generator<string> {
  let first = true;
  for (const row of rows) {
    yield `${first ? "[\n" : ",\n"}${JSON.stringify(row)}`;
    first = false;
  }
  yield first ? "[]\n" : "\n]\n";
}

export function* writeJsonl(rows: Iterable<unknown>): Generator<string> {
  for (const row of rows) yield `${JSON.stringify(row)}\n`;
}

export function readJsonl(content: string, file: string): unknown[] {
  return content
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), i }))
    .filter(({ line }) => line !== "")
    .map(({ line, i }) => {
      try {
        return JSON.parse(line) as unknown;
      } catch (error) {
        throw new Error(`${file}: line ${i + 1} is not valid JSON (${(error as Error).message})`);
      }
    });
}

export function readJsonArray(content: string, file: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw new Error(`${file} must hold a JSON array`);
  return parsed;
}

function escapeCsv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180: a header row, then one row per record; fields with commas, quotes or line breaks are quoted. */
export function* writeCsv(header: readonly string[], rows: Iterable<readonly string[]>): Generator<string> {
  yield `${header.map(escapeCsv).join(",")}\r\n`;
  for (const row of rows) yield `${row.map(escapeCsv).join(",")}\r\n`;
}

/** Rows of an RFC 4180 file as objects keyed by the header. */
export function readCsv(content: string, file: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i]!;
    if (quoted) {
      if (ch === '"' && content[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && content[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (quoted) throw new Error(`${file}: a quoted field is not closed`);
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows.filter((r) => !(r.length === 1 && r[0] === ""));
  if (!header) throw new Error(`${file} is empty`);
  return body.map((cells, i) => {
    if (cells.length !== header.length) throw new Error(`${file}: row ${i + 2} has ${cells.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((name, j) => [name, cells[j]!]));
  });
}
