// Argument parsing: command resolution, strict options, required values, key=value settings.
import { describe, expect, it } from "vitest";
import { findCommand, keyValues, listOpt, numberOpt, parseCommand, usageLine } from "../src/args.ts";
import { COMMANDS } from "../src/commands/index.ts";
import { CliError } from "../src/errors.ts";

const parse = (argv: string[], env: Record<string, string> = {}) => {
  const found = findCommand(argv, COMMANDS);
  if (!found) throw new Error(`no command for ${argv.join(" ")}`);
  return parseCommand(found.spec, found.rest, env);
};

const usage = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    return (error as CliError).message;
  }
  throw new Error("expected a usage error");
};

describe("command resolution", () => {
  it("takes the longest matching word path", () => {
    expect(findCommand(["run", "train", "--dataset", "d"], COMMANDS)?.spec.name).toBe("run train");
    expect(findCommand(["projects", "list"], COMMANDS)?.spec.name).toBe("projects list");
    expect(findCommand(["watch", "abc"], COMMANDS)?.rest).toEqual(["abc"]);
    expect(findCommand(["run"], COMMANDS)).toBeNull();
    expect(findCommand(["frobnicate"], COMMANDS)).toBeNull();
  });

  it("has unique command names", () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("parseCommand", () => {
  it("reads positionals, options, repeated options and short flags", () => {
    const p = parse(["run", "train", "-p", "P1", "--dataset", "D1", "--param", "epochs=3", "--param", "lr=0.1", "--json", "-q"]);
    expect(p.options.project).toBe("P1");
    expect(p.options.dataset).toBe("D1");
    expect(p.options.param).toEqual(["epochs=3", "lr=0.1"]);
    expect(p.options.json).toBe(true);
    expect(p.options.quiet).toBe(true);
    expect(parse(["upload", "./corpus", "--project", "P"]).args.folder).toBe("./corpus");
  });

  it("takes the project from PRODA_PROJECT when --project is absent", () => {
    expect(parse(["run", "process"], { PRODA_PROJECT: "from-env" }).options.project).toBe("from-env");
    expect(parse(["run", "process", "--project", "flag"], { PRODA_PROJECT: "env" }).options.project).toBe("flag");
  });

  it("rejects unknown flags, missing required values and extra arguments with exit code 2", () => {
    expect(usage(() => parse(["run", "train", "--project", "P", "--dataset", "D", "--epochs", "3"]))).toMatch(/--epochs/);
    expect(usage(() => parse(["run", "train", "--project", "P"]))).toMatch(/Missing --dataset/);
    expect(usage(() => parse(["run", "process"]))).toMatch(/Missing --project/);
    expect(usage(() => parse(["upload", "--project", "P"]))).toMatch(/Missing <folder>/);
    expect(usage(() => parse(["watch", "a", "b"]))).toMatch(/Unexpected argument "b"/);
    expect(usage(() => parse(["projects", "create", "--name"]))).toMatch(/argument missing|--name/);
  });

  it("lets --help through without the required options", () => {
    expect(parse(["run", "train", "--help"]).options.help).toBe(true);
  });

  it("writes a usage line with the required options", () => {
    const spec = findCommand(["export", "dataset"], COMMANDS)!.spec;
    expect(usageLine(spec)).toBe("proda export dataset <datasetId> --project ID --out FILE [options]");
  });
});

describe("value helpers", () => {
  it("parses key=value settings, JSON scalars and dotted paths", () => {
    expect(keyValues(["epochs=3", "name=v2", "flag=true", "settings.seed=7", "settings.mode=multi", "ids=[\"a\"]"], "set")).toEqual({
      epochs: 3, name: "v2", flag: true, settings: { seed: 7, mode: "multi" }, ids: ["a"],
    });
    expect(keyValues(undefined, "set")).toEqual({});
    expect(usage(() => keyValues(["novalue"], "set"))).toMatch(/key=value/);
    expect(usage(() => keyValues(["bad key=1"], "set"))).toMatch(/bad key/);
  });

  it("checks numbers and splits lists", () => {
    expect(numberOpt({ budget: "200" }, "budget", { integer: true, min: 1 })).toBe(200);
    expect(numberOpt({}, "budget")).toBeUndefined();
    expect(usage(() => numberOpt({ budget: "2.5" }, "budget", { integer: true }))).toMatch(/integer/);
    expect(usage(() => numberOpt({ ratio: "2" }, "ratio", { max: 1 }))).toMatch(/≤ 1/);
    expect(listOpt({ discipline: ["economics,microbiology", "law"] }, "discipline")).toEqual(["economics", "microbiology", "law"]);
  });
});
