// What every format parser returns: plain text (Markdown headings kept as `#` lines so the chunker
// can use them), the metadata the format carried, and warnings about anything lossy.
export const DOCUMENT_FORMATS = ["txt", "md", "pdf", "docx", "html", "json", "jsonl"] as const;
export type TDocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface TParsedDocument {
  format: TDocumentFormat;
  text: string;
  metadata: Record<string, unknown>;
  title?: string;
  warnings: string[];
}

export interface TParseOptions {
  /** Dot paths of the fields holding text in .json/.jsonl records, e.g. `body.text`, `sections.content`. */
  jsonTextFields?: string[];
}

export interface TParseInput {
  bytes: Uint8Array;
  filename: string;
  options?: TParseOptions;
}
