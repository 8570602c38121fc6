// Output formatting: tables, JSON and error documents, progress lines and bars, exit code mapping.
import { describe, expect, it } from "vitest";
import { CliError, exitCodeForStatus } from "../src/errors.ts";
import { formatError, formatJson, table } from "../src/output.ts";
import { formatProgressLine, plainKey, renderBar } from "../src/progress.ts";
import { COMMANDS } from "../src/commands/index.ts";
import { formatCommandHelp, formatGeneralHelp } from "../src/help.ts";
import { runCli } from "../src/main.ts";

describe("tables and JSON", () => {
  it("aligns columns, truncates long cells and flattens objects", () => {
    const lines = table([{ id: "a1", name: "Short", n: 3 }, { id: "b22", name: "x".repeat(80), n: null }], ["id", "name", "n"]);
    expect(lines[0]).toMatch(/^ID\s+NAME\s+N$/);
    expect(lines[1]).toMatch(/^a1\s+Short\s+3$/);
    expect(lines[2]!.length).toBeLessThan(80);
    expect(lines[2]).toContain("…");
    expect(table([], ["id"])).toEqual(["(none)"]);
  });

  it("prints errors as text or as a JSON document with the exit code", () => {
    const error = new CliError(2, "Some fields are invalid (HTTP 400)", "validation_failed", { formErrors: [], fieldErrors: { budget: ["Too small"] } });
    expect(formatError(error, false)).toBe("proda: Some fields are invalid (HTTP 400)\n  budget: Too small\n");
    expect(JSON.parse(formatError(error, true))).toEqual({
      error: { code: "validation_failed", message: "Some fields are invalid (HTTP 400)", exitCode: 2, details: { formErrors: [], fieldErrors: { budget: ["Too small"] } } },
    });
    expect(JSON.parse(formatJson({ a: 1 }))).toEqual({ a: 1 });
  });

  it("maps HTTP statuses to exit codes", () => {
    expect([401, 403, 404, 400, 422, 413, 409, 500, 503].map(exitCodeForStatus)).toEqual([3, 3, 4, 2, 2, 2, 1, 5, 5]);
  });
});

describe("progress", () => {
  it("renders bars clamped to 0–100 %", () => {
    expect(renderBar(0.5, 10)).toBe("[#####-----]  50%");
    expect(renderBar(2, 4)).toBe("[####] 100%");
    expect(renderBar(Number.NaN, 4)).toBe("[----]   0%");
  });

  it("writes a line with counts and message, and changes its plain-mode key only on real changes", () => {
    const s = { label: "training run", status: "running", fraction: 0.42, done: 42, total: 100, message: "epoch 1" };
    expect(formatProgressLine(s, 10)).toBe("training run  running  [####------]  42%  42/100  epoch 1");
    expect(plainKey({ ...s, fraction: 0.45, done: 45 })).toBe(plainKey(s));
    expect(plainKey({ ...s, fraction: 0.51 })).not.toBe(plainKey(s));
    expect(plainKey({ ...s, message: "epoch 2" })).not.toBe(plainKey(s));
  });
});

describe("help and the program's exit codes without a server", () => {
  it("lists every command and the exit codes", () => {
    const help = formatGeneralHelp(COMMANDS);
    for (const c of COMMANDS) expect(help).toContain(c.name);
    expect(help).toMatch(/Exit codes: 0 ok/);
    expect(formatCommandHelp(COMMANDS.find((c) => c.name === "run train")!)).toMatch(/--param KEY=VALUE …\s+hyperparameter/);
  });

  it("returns 0 for --help, 2 for usage errors and 3 when not signed in", async () => {
    const out: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), env: { PRODA_CONFIG: "/nonexistent/proda.json" } };
    expect(await runCli(["--help"], io)).toBe(0);
    expect(await runCli(["run", "train", "--help"], io)).toBe(0);
    expect(await runCli([], io)).toBe(2);
    expect(await runCli(["run"], io)).toBe(2);
    expect(out.at(-1)).toMatch(/Did you mean: proda run process/);
    expect(await runCli(["projects", "list", "--json"], io)).toBe(3);
    expect(JSON.parse(out.at(-2)!).error.code).toBe("not_signed_in");
  });
});
