// Browser-safe entry. Server-only pieces (secrets) are in "@proda/core/server".
export * from "./errors.ts";
export * from "./roles.ts";
export * from "./permissions.ts";
export * from "./route-access.ts";
export * from "./relation-types.ts";
export * from "./layout.ts";
