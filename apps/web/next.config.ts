import type { NextConfig } from "next";
import { buildCsp } from "./src/lib/csp.ts";

// Security headers for every response. Pages get their policy with a per-request nonce from the
// proxy (proxy.ts); the API and static files get this one, with no script allowed inline.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  transpilePackages: ["@proda/core", "@proda/db", "@proda/jobs"],
  serverExternalPackages: [
    "@prisma/client", "@prisma/adapter-pg", "pg", "bullmq", "ioredis", "bcryptjs",
    // bull-board (the owners' queue page) reads its UI files from disk at run time: keep it unbundled.
    "@bull-board/api", "@bull-board/hono", "@bull-board/ui", "hono", "@hono/node-server", "ejs",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: buildCsp(null) }] },
      { source: "/_next/:path*", headers: [{ key: "Content-Security-Policy", value: buildCsp(null) }] },
    ];
  },
};

export default nextConfig;
