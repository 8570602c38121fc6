#!/usr/bin/env node
// `proda` entry: the CLI is TypeScript run through tsx (like the worker), so there is no build step.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/main.ts");
process.exitCode = await runCli(process.argv.slice(2));
