# ProDa Studio web app (Next.js). Build from the repository root:
#   docker build -f docker/web.Dockerfile -t proda-web .
# Workspace packages are TypeScript sources resolved at runtime (transpilePackages), so the runtime
# image keeps the workspace layout and production node_modules.

# ---- dependencies (all, for the build) -----------------------------------------------------------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund

# ---- build -------------------------------------------------------------------------------------
FROM deps AS build
# generate only needs DATABASE_URL to be set (it does not connect); see scripts/prisma.mjs.
ENV DATABASE_URL=postgresql://build:build@localhost:5432/build \
    NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
# (Dev dependencies stay: `next start` loads next.config.ts, and pruning saves little here.)
RUN node scripts/prisma.mjs generate \
 && npx turbo run build --filter=@proda/web \
 && rm -rf apps/web/.next/cache .turbo

# ---- runtime -----------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build --chown=node:node /app /app
# The shared data volume (uploads) mounts here; a named volume takes this folder's owner.
RUN mkdir -p /data/proda && chown node:node /data/proda
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "exec npm run start -w @proda/web -- -p ${PORT} -H 0.0.0.0"]
