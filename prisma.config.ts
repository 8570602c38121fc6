// Prisma CLI configuration: the Wasm engines and the pg driver adapter, so nothing is downloaded.
// Run the CLI through scripts/prisma.mjs, which applies the work-arounds STACK.md describes.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const url = new URL(process.env.DATABASE_URL ?? "");
    // Discrete fields, not a connection string: with a string the shadow database of
    // `migrate dev` connects to the main database (STACK.md). A short idle timeout lets
    // the pool close before the shadow database is dropped.
    return new PrismaPg({
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1),
      idleTimeoutMillis: 5,
    });
  },
});
