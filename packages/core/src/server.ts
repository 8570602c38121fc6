// Server-only entry: never import from a client component.
export * from "./secrets.ts";
export * from "./logger.ts";
export * from "./blob-store.ts";
