// What the studio writes for a LLaMA-Factory run: dataset_info.json describing our OpenAI chat JSONL
// (LLaMA-Factory reads it as "sharegpt" formatting with OpenAI role/content tags) and a LoRA SFT
// training YAML. Every path in them is one the worker chose under the run's directory.
import type { TCommandHyperparameters } from "./specs.ts";

export const LLAMA_FACTORY_DATASET = "proda";

export function llamaFactoryDatasetInfo(dataFile: string): string {
  const info = {
    [LLAMA_FACTORY_DATASET]: {
      file_name: dataFile,
      formatting: "sharegpt",
      columns: { messages: "messages" },
      tags: { role_tag: "role", content_tag: "content", user_tag: "user", assistant_tag: "assistant", system_tag: "system" },
    },
  };
  return `${JSON.stringify(info, null, 2)}\n`;
}

/** YAML with one scalar per line; strings as JSON strings (valid YAML double-quoted scalars). */
function toYaml(entries: Record<string, string | number | boolean>): string {
  return `${Object.entries(entries)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? JSON.stringify(value) : String(value)}`)
    .join("\n")}\n`;
}

export function llamaFactoryConfig(input: { baseModel: string; datasetDir: string; outputDir: string; hyperparameters: TCommandHyperparameters }): string {
  const hp = input.hyperparameters;
  return toYaml({
    model_name_or_path: input.baseModel,
    stage: "sft",
    do_train: true,
    finetuning_type: "lora",
    lora_rank: hp.loraR,
    lora_alpha: hp.loraAlpha,
    lora_target: "all",
    dataset: LLAMA_FACTORY_DATASET,
    dataset_dir: input.datasetDir,
    template: hp.template,
    cutoff_len: hp.maxLength,
    overwrite_cache: true,
    output_dir: input.outputDir,
    overwrite_output_dir: true,
    logging_steps: 1,
    save_strategy: "no",
    report_to: "none",
    per_device_train_batch_size: hp.batchSize,
    learning_rate: hp.learningRate,
    num_train_epochs: hp.epochs,
    // HF Trainer: a positive max_steps overrides the epochs; -1 means none.
    max_steps: hp.maxSteps > 0 ? hp.maxSteps : -1,
    lr_scheduler_type: "linear",
    warmup_ratio: 0.03,
    seed: hp.seed,
  });
}
