// The one error the corpus pipeline throws for bad input. The code is stable (stored on the failed
// document, counted in the funnel); the message is written for the person who uploaded the file.

export const PARSE_ERROR_CODES = [
  "empty",
  "binary_content",
  "unsupported_type",
  "corrupt_pdf",
  "encrypted_pdf",
  "no_text",
  "corrupt_docx",
  "invalid_json",
  "json_field_missing",
  "corrupt_zip",
  "zip_limits",
  "unsafe_entry_name",
  "encrypted_entry",
] as const;

export type TParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

export class ParseError extends Error {
  constructor(
    readonly code: TParseErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ParseError";
  }

  toJSON(): { code: TParseErrorCode; message: string; details?: Record<string, unknown> } {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function isParseError(error: unknown): error is ParseError {
  return error instanceof ParseError;
}
