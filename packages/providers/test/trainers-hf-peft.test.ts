// The hf-peft script (trainers/hf_peft_train.py) on our own export. Its data reading and masking are
// checked with the system Python alone; the CPU smoke test — a tiny random Llama built from a config,
// a few LoRA steps, the JSON-lines log and the saved adapter — runs only where python3 can import
// torch, transformers and peft, and is skipped with a message saying so otherwise.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { syntheticTrainingSamples } from "../../../prisma/factories/training.ts";
import { writeChatJsonl } from "../src/trainers/write-export.ts";

const SCRIPT_DIR = path.resolve(import.meta.dirname, "../../../trainers");
const SCRIPT = path.join(SCRIPT_DIR, "hf_peft_train.py");
// No __pycache__ left in the repository by importing the script.
const python = (args: string[]) => spawnSync("python3", args, { encoding: "utf8", timeout: 300_000, env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
const hasPython = python(["--version"]).status === 0;
const hasTorch = hasPython && python(["-c", "import torch, transformers, peft"]).status === 0;
const SMOKE = hasTorch
  ? "trains a tiny random Llama on CPU for a few steps, logging JSON lines and saving the adapter"
  : "CPU smoke test SKIPPED: python3 cannot import torch, transformers and peft (install them to run it)";

async function exportSamples(count: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "proda-hf-peft-"));
  const data = path.join(dir, "train.openai.jsonl");
  const samples = syntheticTrainingSamples(count);
  await writeChatJsonl((async function* () {
    yield samples;
  })(), data, new AbortController().signal);
  return { dir, data, samples };
}

describe.skipIf(!hasPython)("hf_peft_train.py", () => {
  it("reads our chat JSONL export and trains on the assistant turns only", async () => {
    const { data, samples } = await exportSamples(4);
    const probe = [
      "import json, sys",
      `sys.path.insert(0, ${JSON.stringify(SCRIPT_DIR)})`,
      "import hf_peft_train as t",
      `rows = t.read_conversations(${JSON.stringify(data)})`,
      "ids, labels = t.encode_conversation(t.ByteTokenizer(), rows[0], 4096)",
      "print(json.dumps({'rows': len(rows), 'ids': ids, 'labels': labels}))",
    ].join("\n");
    const result = python(["-c", probe]);
    expect(result.stderr).toBe("");
    const { rows, ids, labels } = JSON.parse(result.stdout) as { rows: number; ids: number[]; labels: number[] };
    expect(rows).toBe(4);
    const decode = (tokens: number[]) => Buffer.from(tokens.filter((t) => t >= 3).map((t) => t - 3)).toString("utf8");
    const [user, assistant] = samples[0]!.messages;
    const learned = ids.filter((_, i) => labels[i] !== -100);
    expect(decode(learned)).toBe(`<|assistant|>\n${assistant!.content}\n`);
    expect(learned.at(-1)).toBe(2); // the end-of-sequence token is learned too
    expect(decode(ids)).toContain(user!.content);
  });

  it("refuses a file that is not our export, before loading any model", async () => {
    const result = python([SCRIPT, "--data", SCRIPT, "--tiny-config", "--output-dir", tmpdir()]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/line 1 is not valid JSON/);
  });

  it.skipIf(!hasTorch)(SMOKE, async () => {
    const { dir, data } = await exportSamples(12);
    const output = path.join(dir, "adapter");
    const result = python([SCRIPT, "--data", data, "--tiny-config", "--output-dir", output, "--max-steps", "4", "--batch-size", "4", "--lora-r", "4", "--seed", "1"]);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, number | string>);
    const steps = lines.filter((l) => typeof l.loss === "number");
    expect(steps.map((l) => l.step)).toEqual([1, 2, 3, 4]);
    for (const step of steps) {
      expect(Number.isFinite(step.loss)).toBe(true);
      expect(step.learning_rate).toBeGreaterThan(0);
      expect(step.total_steps).toBe(4);
    }
    expect(existsSync(path.join(output, "adapter_config.json"))).toBe(true);
    expect(existsSync(path.join(output, "adapter_model.safetensors")) || existsSync(path.join(output, "adapter_model.bin"))).toBe(true);
  });
});
