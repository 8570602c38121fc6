#!/usr/bin/env python3
"""LoRA fine-tuning of a causal language model on ProDa's OpenAI chat JSONL export (transformers + peft).

Reads one {"messages": [{"role", "content"}, ...]} object per line, trains a LoRA adapter on the
assistant turns only (system and user tokens are context, not targets), writes the adapter to
--output-dir and one JSON object per optimiser step to stdout:

    {"step": 3, "epoch": 0.12, "loss": 1.84, "learning_rate": 0.0002, "total_steps": 25}

Other news is a JSON line too ({"message": "..."}); warnings and errors go to stderr. The GPU worker
streams stdout into the run's log as it comes.

--tiny-config builds a tiny random Llama and a byte-level tokenizer from a config, with no download,
so the whole path can be smoke-tested on any machine (CPU included).
"""
import argparse
import json
import math
import os
import random
import sys
import time

IGNORE = -100


def emit(**fields):
    print(json.dumps(fields), flush=True)


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", required=True, help="OpenAI chat JSONL (messages per line)")
    model = p.add_mutually_exclusive_group(required=True)
    model.add_argument("--base-model", help="a local model directory (no download is attempted)")
    model.add_argument("--tiny-config", action="store_true", help="a tiny random Llama built from a config")
    p.add_argument("--output-dir", required=True)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--learning-rate", type=float, default=2e-4)
    p.add_argument("--batch-size", type=int, default=4)
    p.add_argument("--lora-r", type=int, default=8)
    p.add_argument("--lora-alpha", type=int, default=16)
    p.add_argument("--lora-dropout", type=float, default=0.05)
    p.add_argument("--max-steps", type=int, default=0, help="stop after this many optimiser steps; 0: all epochs")
    p.add_argument("--max-length", type=int, default=1024)
    p.add_argument("--warmup-ratio", type=float, default=0.03)
    p.add_argument("--seed", type=int, default=42)
    return p.parse_args(argv)


def read_conversations(path):
    conversations = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise SystemExit(f"{path}: line {number} is not valid JSON ({error})")
            messages = row.get("messages") if isinstance(row, dict) else None
            if not isinstance(messages, list) or not all(isinstance(m, dict) and "role" in m and "content" in m for m in messages):
                raise SystemExit(f"{path}: line {number} has no list of {{role, content}} messages")
            conversations.append(messages)
    if not conversations:
        raise SystemExit(f"{path} holds no samples")
    return conversations


class ByteTokenizer:
    """Bytes as tokens (ids 3..258): enough for a random tiny model, and nothing to download."""

    pad_token_id, bos_token_id, eos_token_id = 0, 1, 2
    vocab_size = 259
    chat_template = None

    def encode(self, text, add_special_tokens=False):
        return [b + 3 for b in text.encode("utf-8")]

    def save_pretrained(self, _directory):
        pass


def plain_turn(message):
    return f"<|{message['role']}|>\n{message['content']}\n"


def encode_conversation(tokenizer, messages, max_length):
    """Token ids and labels; labels keep the assistant turns' tokens and mask everything else."""
    if not getattr(tokenizer, "chat_template", None):
        return encode_plain(tokenizer, messages, max_length)
    ids, labels = [], []
    render = lambda turns, **kw: list(tokenizer.apply_chat_template(turns, tokenize=True, return_dict=False, **kw))
    # The template renders the conversation; an assistant turn's tokens are those between the prompt
    # up to it (with the generation prompt) and the conversation through it.
    for k, message in enumerate(messages):
        if message["role"] != "assistant" or k == 0:
            continue
        prompt = render(messages[:k], add_generation_prompt=True)
        through = render(messages[: k + 1])
        if prompt[: len(ids)] != ids or through[: len(prompt)] != prompt:
            # A template that does not render prefixes consistently: use the plain format instead.
            return encode_plain(tokenizer, messages, max_length)
        labels += [IGNORE] * (len(prompt) - len(ids)) + through[len(prompt) :]
        ids = through
    return ids[:max_length], labels[:max_length]


def encode_plain(tokenizer, messages, max_length):
    ids, labels = [], []
    for message in messages:
        tokens = tokenizer.encode(plain_turn(message), add_special_tokens=False)
        if message["role"] == "assistant":
            tokens = tokens + [tokenizer.eos_token_id]
            labels += tokens
        else:
            labels += [IGNORE] * len(tokens)
        ids += tokens
    return ids[:max_length], labels[:max_length]


def load_model(args, torch):
    from transformers import AutoModelForCausalLM, AutoTokenizer, LlamaConfig, LlamaForCausalLM

    cuda = torch.cuda.is_available()
    dtype = torch.bfloat16 if cuda and torch.cuda.is_bf16_supported() else torch.float32
    if args.tiny_config:
        tokenizer = ByteTokenizer()
        config = LlamaConfig(
            vocab_size=tokenizer.vocab_size, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
            num_attention_heads=4, num_key_value_heads=4, max_position_embeddings=max(args.max_length, 128),
            pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
        )
        model = LlamaForCausalLM(config).to(dtype)
        target_modules = ["q_proj", "v_proj"]
    else:
        tokenizer = AutoTokenizer.from_pretrained(args.base_model, local_files_only=True)
        if tokenizer.pad_token_id is None:
            tokenizer.pad_token = tokenizer.eos_token
        model = AutoModelForCausalLM.from_pretrained(args.base_model, torch_dtype=dtype, local_files_only=True)
        target_modules = None  # peft's default for the architecture
    return tokenizer, model.to("cuda" if cuda else "cpu"), target_modules


def batches(examples, batch_size, rng):
    order = list(range(len(examples)))
    rng.shuffle(order)
    for start in range(0, len(order), batch_size):
        yield [examples[i] for i in order[start : start + batch_size]]


def collate(batch, pad_id, torch, device):
    width = max(len(ids) for ids, _ in batch)
    input_ids = [ids + [pad_id] * (width - len(ids)) for ids, _ in batch]
    labels = [lab + [IGNORE] * (width - len(lab)) for _, lab in batch]
    mask = [[1] * len(ids) + [0] * (width - len(ids)) for ids, _ in batch]
    as_tensor = lambda rows: torch.tensor(rows, dtype=torch.long, device=device)
    return as_tensor(input_ids), as_tensor(mask), as_tensor(labels)


def main(argv=None):
    args = parse_args(argv)
    conversations = read_conversations(args.data)
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import get_linear_schedule_with_warmup

    random.seed(args.seed)
    torch.manual_seed(args.seed)
    started = time.time()
    tokenizer, model, target_modules = load_model(args, torch)
    device = next(model.parameters()).device
    lora = LoraConfig(r=args.lora_r, lora_alpha=args.lora_alpha, lora_dropout=args.lora_dropout, task_type="CAUSAL_LM", target_modules=target_modules)
    model = get_peft_model(model, lora)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    emit(message=f"Loaded {'a tiny random Llama' if args.tiny_config else args.base_model} on {device}; {trainable} trainable LoRA parameters")

    examples = [encode_conversation(tokenizer, messages, args.max_length) for messages in conversations]
    examples = [(ids, labels) for ids, labels in examples if any(label != IGNORE for label in labels)]
    if not examples:
        raise SystemExit("No sample has an assistant turn to learn from")
    steps_per_epoch = math.ceil(len(examples) / args.batch_size)
    total_steps = args.max_steps if args.max_steps > 0 else args.epochs * steps_per_epoch
    emit(message=f"Training on {len(examples)} samples: {total_steps} steps of {args.batch_size}", total_steps=total_steps)

    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.learning_rate)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(total_steps * args.warmup_ratio), total_steps)
    rng = random.Random(args.seed)
    model.train()
    step = 0
    while step < total_steps:
        for batch in batches(examples, args.batch_size, rng):
            input_ids, attention_mask, labels = collate(batch, tokenizer.pad_token_id, torch, device)
            loss = model(input_ids=input_ids, attention_mask=attention_mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            learning_rate = scheduler.get_last_lr()[0]
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            emit(step=step, epoch=round(step / steps_per_epoch, 4), loss=round(loss.item(), 6), learning_rate=learning_rate, total_steps=total_steps)
            if step >= total_steps:
                break

    os.makedirs(args.output_dir, exist_ok=True)
    model.save_pretrained(args.output_dir)
    tokenizer.save_pretrained(args.output_dir)
    emit(message=f"Saved the adapter to {args.output_dir} after {step} steps in {time.time() - started:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
