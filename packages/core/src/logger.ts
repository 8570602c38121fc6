// Structured JSON logs, one line each, object first: log.info({ jobId }, "message").
type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, unknown>;

export interface Logger {
  debug(fields: Fields, msg: string): void;
  info(fields: Fields, msg: string): void;
  warn(fields: Fields, msg: string): void;
  error(fields: Fields, msg: string): void;
}

export function errorFields(error: unknown): Fields {
  return error instanceof Error ? { err: { name: error.name, message: error.message, stack: error.stack } } : { err: String(error) };
}

export function createLogger(service: string): Logger {
  const write = (level: Level, fields: Fields, msg: string) => {
    if (level === "debug" && !process.env.PRODA_DEBUG) return;
    const line = JSON.stringify({ level, time: new Date().toISOString(), service, msg, ...fields });
    (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return {
    debug: (f, m) => write("debug", f, m),
    info: (f, m) => write("info", f, m),
    warn: (f, m) => write("warn", f, m),
    error: (f, m) => write("error", f, m),
  };
}
