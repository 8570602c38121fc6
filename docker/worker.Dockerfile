# ProDa Studio job worker (BullMQ, CPU queues). Build from the repository root:
#   docker build -f docker/worker.Dockerfile -t proda-worker .
# The same image runs the database migrations (see the `migrate` service in docker-compose.yml),
# which is why it keeps the Prisma CLI and the prisma/ folder.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund

FROM deps AS build
ENV DATABASE_URL=postgresql://build:build@localhost:5432/build CHECKPOINT_DISABLE=1
RUN node scripts/prisma.mjs generate \
 && rm -rf apps/web

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production CHECKPOINT_DISABLE=1 WORKER_QUEUES=cpu
COPY --from=build --chown=node:node /app /app
# The shared data volume (uploads, training runs) mounts here; a named volume takes this folder's owner.
RUN mkdir -p /data/proda && chown node:node /data/proda
USER node
# The worker drains running jobs on SIGTERM for up to 20 s; give it a little more (compose
# stop_grace_period) before it is killed.
CMD ["npm", "run", "start", "-w", "@proda/worker"]
