// The web process's environment, validated once on first use.
import { z } from "zod";

const ZWebEnv = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required"),
  REDIS_URL: z.string().default("redis://127.0.0.1:6379"),
  PRODA_SECRET_KEY: z.string().min(1, "PRODA_SECRET_KEY is required (32 bytes, base64 or hex)"),
  /** Set to "false" only for plain-http local use; browsers accept Secure cookies on localhost anyway. */
  PRODA_COOKIE_SECURE: z.enum(["true", "false"]).default("true"),
  PRODA_SESSION_DAYS: z.coerce.number().positive().default(7),
  PRODA_SIGNIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(10),
  /** "true" when a reverse proxy you control sets X-Forwarded-For (then failures per address are limited too). */
  PRODA_TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  /** Largest accepted upload per file (bytes). */
  PRODA_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(100 * 1024 * 1024),
  PRODA_MAX_UPLOAD_FILES: z.coerce.number().int().positive().default(500),
});

export type TWebEnv = z.infer<typeof ZWebEnv>;

let cached: TWebEnv | undefined;

export function webEnv(): TWebEnv {
  cached ??= ZWebEnv.parse(process.env);
  return cached;
}
