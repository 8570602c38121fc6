# ProDa Studio GPU worker: the Node worker consuming the `gpu` queue, with Python, PyTorch,
# transformers and PEFT for training/inference jobs. Needs the NVIDIA container toolkit on the host
# (docker compose --profile gpu up). Build from the repository root:
#   docker build -f docker/gpu-worker.Dockerfile -t proda-gpu-worker .
# PyTorch's Linux wheels bundle the CUDA runtime, so a plain Debian base is enough; only the host's
# driver is needed (mounted by the toolkit).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund \
 && DATABASE_URL=postgresql://build:build@localhost:5432/build CHECKPOINT_DISABLE=1 node scripts/prisma.mjs generate \
 && rm -rf apps/web

FROM node:20-bookworm-slim AS runtime
ARG TORCH_VERSION=2.5.1
ARG TRANSFORMERS_VERSION=4.46.3
ARG PEFT_VERSION=0.13.2
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 python3-venv ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# A virtualenv: Debian's system Python refuses `pip install` (PEP 668).
# huggingface_hub (a transformers dependency) brings `huggingface-cli download` to fill /models.
RUN python3 -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir \
      "torch==${TORCH_VERSION}" "transformers==${TRANSFORMERS_VERSION}" "peft==${PEFT_VERSION}" accelerate safetensors \
 && /opt/venv/bin/python -c "import torch, transformers, peft"
ENV PATH=/opt/venv/bin:$PATH \
    NODE_ENV=production CHECKPOINT_DISABLE=1 WORKER_QUEUES=gpu \
    PRODA_PYTHON=/opt/venv/bin/python PRODA_HF_BASE_MODEL=/models/base \
    HF_HOME=/data/hf
WORKDIR /app
COPY --from=deps --chown=node:node /app /app
# Mount points of the data, models and HF cache volumes (named volumes take these owners).
RUN mkdir -p /data/hf /data/proda /models && chown node:node /data/hf /data/proda /models
USER node
CMD ["npm", "run", "start", "-w", "@proda/worker"]
