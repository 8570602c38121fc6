// A stand-in for trainers/hf_peft_train.py and for a LLaMA-Factory command, for tests of the GPU
// worker side: the same arguments (or `--llamafactory-config <yaml>`), the same JSON-lines log on
// stdout, an adapter written to the output directory. What it does is scripted by the JSON file that
// SCRIPTED_TRAINER_PLAN names: { steps, delayMs, failAt?, pidFile? } — failAt exits with code 3
// after printing to stderr; pidFile receives its pid (to check that a cancel killed it).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const args = {};
for (let i = 2; i < process.argv.length; i++) {
  const name = process.argv[i].replace(/^--/, "");
  const next = process.argv[i + 1];
  if (next === undefined || next.startsWith("--")) args[name] = true;
  else args[name] = process.argv[++i];
}

let data = args.data;
let outputDir = args["output-dir"];
let settings = `epochs=${args.epochs} lr=${args["learning-rate"]} lora_r=${args["lora-r"]} lora_alpha=${args["lora-alpha"]} model=${args["tiny-config"] ? "tiny" : args["base-model"]}`;
if (args["llamafactory-config"]) {
  // The studio's YAML: one `key: value` per line, strings JSON-quoted.
  const yaml = Object.fromEntries(
    readFileSync(args["llamafactory-config"], "utf8").split("\n").filter(Boolean).map((line) => {
      const [key, ...rest] = line.split(": ");
      const value = rest.join(": ");
      return [key, value.startsWith('"') ? JSON.parse(value) : value];
    }),
  );
  const info = JSON.parse(readFileSync(path.join(yaml.dataset_dir, "dataset_info.json"), "utf8"))[yaml.dataset];
  data = path.join(yaml.dataset_dir, info.file_name);
  outputDir = yaml.output_dir;
  settings = `epochs=${yaml.num_train_epochs} lr=${yaml.learning_rate} lora_r=${yaml.lora_rank} template=${yaml.template} model=${yaml.model_name_or_path}`;
}

const plan = { steps: 5, delayMs: 0, ...JSON.parse(readFileSync(process.env.SCRIPTED_TRAINER_PLAN, "utf8")) };
if (plan.pidFile) writeFileSync(plan.pidFile, String(process.pid));

const rows = readFileSync(data, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));
const bad = rows.find((row) => Object.keys(row).join(",") !== "messages");
if (bad) {
  process.stderr.write(`expected rows with only "messages", got keys ${Object.keys(bad).join(",")}\n`);
  process.exit(2);
}
console.log(JSON.stringify({ message: `read ${rows.length} samples; ${settings}` }));
process.stderr.write("Loading the base model (scripted)\n");

for (let step = 1; step <= plan.steps; step++) {
  if (plan.failAt === step) {
    process.stderr.write("Traceback (most recent call last):\n");
    process.stderr.write("torch.OutOfMemoryError: CUDA out of memory (scripted)\n");
    process.exit(3);
  }
  const point = { step, epoch: step / plan.steps, loss: 2 / step, learning_rate: 2e-4 * (1 - (step - 1) / plan.steps), total_steps: plan.steps };
  console.log(JSON.stringify(point));
  if (plan.delayMs) await sleep(plan.delayMs);
}

mkdirSync(outputDir, { recursive: true });
writeFileSync(path.join(outputDir, "adapter_config.json"), JSON.stringify({ peft_type: "LORA", r: Number(args["lora-r"] ?? 8) }));
writeFileSync(path.join(outputDir, "adapter_model.safetensors"), "scripted adapter weights");
console.log(JSON.stringify({ message: `saved the adapter to ${outputDir}` }));
